using System.Text.Json.Serialization;
using Verdict.Assignment;
using Verdict.Assignment.Allocation;
using Verdict.Assignment.Targeting;
using Verdict.Experiments.Bandits;
using Verdict.Experiments.Interleaving;
using Verdict.Experiments.Ladder;
using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Briefs;

/// <summary>
/// The registered plan of one experiment, parsed from <c>brief.yaml</c>, validated and normalized. Analysis, monitor
/// and report read it; it is locked by a content hash before exposure (docs/brief.md).
/// </summary>
public sealed record ExperimentBrief
{
    /// <summary>The experiment key, stable across versions.</summary>
    public required string Key { get; init; }

    /// <summary>The brief version; a change after start is a new version.</summary>
    public required int Version { get; init; }

    /// <summary>Who owns the decision.</summary>
    public required string Owner { get; init; }

    /// <summary>A hypothesis that can fail.</summary>
    public required string Hypothesis { get; init; }

    /// <summary>The one intended change.</summary>
    public required IntendedChange Change { get; init; }

    /// <summary>Randomization and analysis units.</summary>
    public required UnitDesign Unit { get; init; }

    /// <summary>Who may enrol.</summary>
    public required Eligibility Eligibility { get; init; }

    /// <summary>The arms, in declaration order (which fixes their bucket slots).</summary>
    public required IReadOnlyList<ArmDefinition> Arms { get; init; }

    /// <summary>Receipt fields that must be equal across arms, except under the declared change.</summary>
    public IReadOnlyList<string> ReceiptMustMatch { get; init; } = [];

    /// <summary>Exposure, stage, layer, holdout, salt, forced assignments.</summary>
    public required TrafficPlan Traffic { get; init; }

    /// <summary>The primary metric's name.</summary>
    public required string PrimaryMetric { get; init; }

    /// <summary>The guardrails.</summary>
    public IReadOnlyList<Guardrail> Guardrails { get; init; } = [];

    /// <summary>
    /// Prices by model id, from which the IChatClient middleware computes each call's cost; null when the brief names
    /// none (then it is absent from the lock's canonical form, so briefs without it keep their hashes).
    /// </summary>
    public IReadOnlyDictionary<string, TokenPrice>? Prices { get; init; }

    /// <summary>
    /// The interleaving design when the experiment interleaves two rankings per query; null otherwise (then it is absent
    /// from the lock's canonical form, so briefs without it keep their hashes).
    /// </summary>
    public InterleavingDesign? Interleaving { get; init; }

    /// <summary>
    /// The registered rollout ladder (shadow → canary → A/B) with a gate per stage, or null when the brief declares none
    /// (then it is absent from the lock's canonical form, so briefs without it keep their hashes; docs/brief.md "Stages").
    /// </summary>
    public IReadOnlyList<LadderStage>? Stages { get; init; }

    /// <summary>
    /// The bandit design when the experiment is a Thompson-sampling bandit served by period cohorts; null otherwise (then
    /// it is absent from the lock's canonical form, so briefs without it keep their hashes; docs/brief.md "Bandit").
    /// </summary>
    public BanditDesign? Bandit { get; init; }

    /// <summary>Secondary metrics, corrected for multiple testing.</summary>
    public IReadOnlyList<string> SecondaryMetrics { get; init; } = [];

    /// <summary>Pre-specified segments.</summary>
    public IReadOnlyList<Segment> Segments { get; init; } = [];

    /// <summary>The analysis plan.</summary>
    public required AnalysisPlan Analysis { get; init; }

    /// <summary>Every metric definition the brief can see (its own and its metrics file's), by name.</summary>
    public required IReadOnlyDictionary<string, MetricDefinition> Metrics { get; init; }

    /// <summary>The salt units are hashed with: the explicit one or <c>"{key}:v{version}"</c>.</summary>
    [JsonIgnore]
    public string Salt => Traffic.Salt ?? $"{Key}:v{Version}";

    /// <summary>The control arm.</summary>
    [JsonIgnore]
    public ArmDefinition Control => Arms.First(a => a.IsControl);

    /// <summary>The arms compared with control (weight-0 arms included: they are still analysed when they get traffic).</summary>
    public int TreatmentCount => Arms.Count(a => !a.IsControl);

    /// <summary>
    /// The alpha of each treatment-versus-control test of the primary metric: the brief's alpha split evenly across
    /// the treatments (Bonferroni), so the family of comparisons keeps the registered alpha. The planner sizes and the
    /// sequential boundaries use it too; with one treatment it is the brief's alpha.
    /// </summary>
    public double PrimaryAlpha => Analysis.Alpha / Math.Max(1, TreatmentCount);

    /// <summary>What assignment needs from this brief.</summary>
    public AssignmentSpec ToAssignmentSpec() => new()
    {
        Salt = Salt,
        Arms = Arms.Select(a => new ArmWeight(a.Name, a.Weight)).ToArray(),
        Exposure = Traffic.Exposure,
        Layer = Traffic.Layer is { } layer ? LayerRange.FromFractions(layer.Name, layer.From, layer.To) : null,
        Holdout = Traffic.Holdout,
        Forced = Traffic.Forced,
    };
}
