using Verdict.Experiments.Briefs;
using Verdict.Experiments.Validation;
using Verdict.Experiments.Yaml;

namespace Verdict.Testing;

/// <summary>Seed 000's brief (examples/refund-query-rewrite), loaded as the CLI loads it, and edited copies of it.</summary>
internal static class Example
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Examples");

    public static string BriefText => File.ReadAllText(Path.Combine(Directory, "brief.yaml"));

    public static string MetricsText => File.ReadAllText(Path.Combine(Directory, "metrics.yaml"));

    public static BriefLoadResult Load(double? dailyUnits = null) => BriefLoader.LoadFile(Path.Combine(Directory, "brief.yaml"), dailyUnits);

    /// <summary>Parses the example brief after replacing <paramref name="from"/> with <paramref name="to"/> (which must occur).</summary>
    public static BriefLoadResult Edited(string from, string to, double? dailyUnits = null, string? metrics = null)
    {
        var text = BriefText;
        Assert.Contains(from, text, StringComparison.Ordinal);
        return Parse(text.Replace(from, to, StringComparison.Ordinal), dailyUnits, metrics);
    }

    public static BriefLoadResult Parse(string text, double? dailyUnits = null, string? metrics = null) =>
        BriefLoader.Parse(text, "brief.yaml", name => name == "metrics.yaml" ? metrics ?? MetricsText : null, dailyUnits);

    public static ExperimentBrief Brief()
    {
        var result = Load();
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    /// <summary>The interleaving block the brief and analyzer tests put in front of <c>secondary_metrics</c>.</summary>
    public const string InterleavingBlock = "interleaving:\n  method: team_draft\nsecondary_metrics:";

    /// <summary>The example brief with an interleaving block (by default <see cref="InterleavingBlock"/>).</summary>
    public static ExperimentBrief Interleaved(string block = InterleavingBlock)
    {
        var result = Edited("secondary_metrics:", block);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    /// <summary>The traffic block the ladder tests remove, since the first stage sets the traffic.</summary>
    public const string LadderTraffic = "  exposure: 1.0\n  stage: ab\n";

    /// <summary>A four-rung ladder (shadow, canary, two A/B stages) with gates.</summary>
    public const string LadderStages = """

        stages:
          - name: shadow
            kind: shadow
            exposure: 0.05
            gate: {min_duration: 1d, min_sample_per_arm: 500}
          - name: canary-5
            kind: canary
            exposure: 0.05
            gate: {min_duration: 2d, guardrails: [p95_latency, grounded_answer_failure_rate]}
          - name: ab-25
            kind: ab
            exposure: 0.25
            gate: {min_duration: 7d}
          - name: ab-50
            kind: ab
            exposure: 0.5

        """;

    /// <summary>The example brief with <paramref name="stages"/> appended and its traffic replaced by <paramref name="traffic"/>.</summary>
    public static BriefLoadResult WithStages(string stages, string traffic = "") =>
        Parse(BriefText.Replace(LadderTraffic, traffic, StringComparison.Ordinal) + stages);
}
