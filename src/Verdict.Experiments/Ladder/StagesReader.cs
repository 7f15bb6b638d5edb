using Verdict.Experiments.Briefs;
using Verdict.Experiments.Validation;
using Verdict.Experiments.Yaml;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Ladder;

/// <summary>Reads the brief's <c>stages</c> (the rollout ladder, docs/brief.md "Stages") and checks it against the guardrails.</summary>
internal static class StagesReader
{
    public static readonly string[] StageFields = ["name", "kind", "exposure", "gate"];

    public static readonly string[] GateFields = ["min_duration", "min_sample_per_arm", "guardrails"];

    /// <summary>The stages, or null when the brief declares none (or they have errors).</summary>
    public static List<LadderStage>? Read(YamlFields root, IReadOnlyList<Guardrail?> guardrails)
    {
        if (!root.Has("stages"))
        {
            return null;
        }

        var items = root.Items("stages");
        if (items.Count == 0)
        {
            root.Error("stages", "a ladder needs at least one stage (or leave stages out)");
            return null;
        }

        var known = guardrails.OfType<Guardrail>().ToList();
        var stages = new List<LadderStage>();
        var errors = root.Context.Problems.Count(p => p.Severity == ProblemSeverity.Error);
        for (var i = 0; i < items.Count; i++)
        {
            var f = root.Context.Mapping(root.File, items[i].Node, items[i].Path, StageFields);
            if (f is null)
            {
                continue;
            }

            var name = f.String("name", required: true);
            if (name is { Length: 0 } || (name is not null && stages.Any(s => s.Name == name)))
            {
                f.Error("name", name!.Length == 0 ? "must not be empty" : $"stage \"{name}\" is declared twice; stage names are unique");
            }

            var kind = f.Choice("kind", Vocabulary.Stages, required: true);
            var exposure = f.Number("exposure", required: true);
            if (exposure is not null and not (> 0 and <= 1))
            {
                f.Error("exposure", $"must lie in (0, 1], got {exposure}");
            }
            else if (exposure is { } e && stages.Count > 0 && e < stages[^1].Exposure)
            {
                f.Error("exposure", $"{e} is below stage \"{stages[^1].Name}\"'s {stages[^1].Exposure}; a ladder only raises exposure (lowering it would drop enrolled units)");
            }

            if (kind is { } k && stages.Count > 0 && k < stages[^1].Kind)
            {
                f.Error("kind", $"a {Name(k)} stage cannot follow a {Name(stages[^1].Kind)} stage; the ladder climbs shadow → canary → ab");
            }

            var gate = ReadGate(f, kind, known, last: i == items.Count - 1);
            if (name is not null && kind is not null && exposure is not null)
            {
                stages.Add(new LadderStage(name, kind.Value, exposure.Value, gate));
            }
        }

        return root.Context.Problems.Count(p => p.Severity == ProblemSeverity.Error) > errors ? null : stages;
    }

    /// <summary>
    /// The brief with its traffic starting at the first stage: <c>traffic.exposure</c> and <c>traffic.stage</c> default to
    /// the first stage's, and when written they must equal them.
    /// </summary>
    public static ExperimentBrief StartTraffic(YamlFields root, ExperimentBrief brief)
    {
        if (brief.Stages is not [var first, ..])
        {
            return brief;
        }

        var traffic = root.Get("traffic") as YamlMappingNode;
        bool Wrote(string key) => traffic?.Children.ContainsKey(new YamlScalarNode(key)) == true;
        if (Wrote("exposure") && brief.Traffic.Exposure != first.Exposure)
        {
            root.Context.ErrorAt("traffic.exposure", root.File, $"is {brief.Traffic.Exposure} but the ladder starts at stage \"{first.Name}\" with exposure {first.Exposure}; leave it out or make them equal");
        }

        if (Wrote("stage") && brief.Traffic.Stage != first.Kind)
        {
            root.Context.ErrorAt("traffic.stage", root.File, $"is {Name(brief.Traffic.Stage)} but the ladder starts at stage \"{first.Name}\", a {Name(first.Kind)} stage; leave it out or make them equal");
        }

        return brief with { Traffic = brief.Traffic with { Exposure = first.Exposure, Stage = first.Kind } };
    }

    private static StageGate? ReadGate(YamlFields stage, RolloutStage? kind, List<Guardrail> known, bool last)
    {
        var f = stage.Mapping("gate", GateFields);
        if (f is null)
        {
            return null;
        }

        if (last)
        {
            stage.Error("gate", "the last stage has no stage after it, so its gate would never be used; remove it");
            return null;
        }

        var duration = f.Duration("min_duration", required: true);
        if (duration is { } d && d < TimeSpan.FromMinutes(1))
        {
            f.Error("min_duration", $"a stage must last at least 1m, got \"{f.String("min_duration")}\"");
        }

        var minimum = f.Integer("min_sample_per_arm");
        if (minimum is < 2)
        {
            f.Error("min_sample_per_arm", $"must be a whole number of at least 2, got {minimum}");
        }

        var names = f.Strings("guardrails");
        if (kind == RolloutStage.Shadow && names.Count > 0)
        {
            f.Error("guardrails", "a shadow stage enrols no unit, so there are no arms to compare; its gate counts complete shadow pairs per treatment (compare them with `verdict shadow report`)");
        }

        for (var i = 0; i < names.Count; i++)
        {
            var guardrail = known.FirstOrDefault(g => g.Metric == names[i]);
            if (guardrail is null)
            {
                f.Context.ErrorAt($"{f.Path("guardrails")}[{i}]", f.File, $"\"{names[i]}\" is not a guardrail of this brief; known: {(known.Count == 0 ? "none" : string.Join(", ", known.Select(g => g.Metric)))}");
            }
            else if (guardrail.Monitor?.Threshold is null && guardrail.Budget is null)
            {
                f.Context.ErrorAt($"{f.Path("guardrails")}[{i}]", f.File, $"guardrail \"{names[i]}\" has neither a budget nor a monitor threshold, so there is nothing for the gate to hold it to");
            }
        }

        IReadOnlyList<string> held = names;
        if (kind is not RolloutStage.Shadow && !f.Has("guardrails"))
        {
            // By default a canary or A/B gate holds every guardrail that has something to hold to.
            held = [.. known.Where(g => g.Monitor?.Threshold is not null || g.Budget is not null).Select(g => g.Metric)];
            if (held.Count == 0)
            {
                stage.Error("gate", "a canary or ab gate holds guardrails, and this brief has none with a budget or monitor threshold; add one, or leave the gate out (then only an admin advances)");
            }
        }

        return duration is null ? null : new StageGate(duration.Value, minimum ?? StageGate.DefaultMinSamplePerArm, held);
    }

    private static string Name(RolloutStage kind) => Vocabulary.Stages.First(p => p.Value == kind).Key;
}
