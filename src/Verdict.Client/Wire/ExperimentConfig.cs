using Verdict.Assignment;
using Verdict.Assignment.Allocation;
using Verdict.Assignment.Targeting;

namespace Verdict.Client.Wire;

/// <summary>One experiment as an SDK needs it to assign locally (docs/server.md, "Config").</summary>
public sealed record ExperimentConfig
{
    /// <summary>The experiment key.</summary>
    public required string Key { get; init; }

    /// <summary>The version that is running (or paused, or stopped).</summary>
    public required int Version { get; init; }

    /// <summary><c>running</c>, <c>paused</c> (no new units; enrolled units keep their arm) or <c>stopped</c> (everyone on control).</summary>
    public required string Status { get; init; }

    /// <summary>The assignment salt.</summary>
    public required string Salt { get; init; }

    /// <summary>The enrolled fraction of eligible traffic, in [0, 1]; only ever ramps up within a version.</summary>
    public required double Exposure { get; init; }

    /// <summary>What the experiment randomizes on (<c>conversation</c>, <c>account</c>, <c>user</c>, …).</summary>
    public required string Unit { get; init; }

    /// <summary>The arms in declaration order (which fixes their bucket slots).</summary>
    public required IReadOnlyList<ArmConfig> Arms { get; init; }

    /// <summary>The layer share the experiment owns, or null.</summary>
    public LayerConfig? Layer { get; init; }

    /// <summary>The holdout, or null.</summary>
    public HoldoutConfig? Holdout { get; init; }

    /// <summary>Forced assignments (unit id → arm).</summary>
    public IReadOnlyDictionary<string, string> Forced { get; init; } = new Dictionary<string, string>();

    /// <summary>The event that enrols a unit (the brief's <c>eligibility.enrollment_event</c>).</summary>
    public string? EnrollmentEvent { get; init; }

    /// <summary>The brief's prices by model id (for the cost of each call), or null when it names none.</summary>
    public IReadOnlyDictionary<string, PriceConfig>? Prices { get; init; }

    /// <summary>The brief's lock hash, recorded when the experiment was created.</summary>
    public required string LockHash { get; init; }

    /// <summary>
    /// The kind of the ladder stage the version is in (<c>shadow</c>, <c>canary</c> or <c>ab</c>), or null when its brief
    /// declares no stages. In <c>shadow</c> the IChatClient middleware serves control and runs the treatments unseen.
    /// </summary>
    public string? Stage { get; init; }

    /// <summary>The name of the ladder stage (<c>canary-1</c>), or null when the brief declares no stages.</summary>
    public string? StageName { get; init; }

    /// <summary>
    /// The bandit's schedule when the experiment is a bandit (its brief has a <c>bandit</c> block), or null. A bandit
    /// assigns by its period cohorts (docs/bandits.md, "Serving"), not by the arms' weights and the exposure.
    /// </summary>
    public BanditConfig? Bandit { get; init; }

    /// <summary>The assignment spec this config describes, at its current exposure.</summary>
    public AssignmentSpec ToAssignmentSpec() => new()
    {
        Salt = Salt,
        Arms = Arms.Select(a => new ArmWeight(a.Name, a.Weight)).ToArray(),
        Exposure = Exposure,
        Layer = Layer is { } layer ? LayerRange.FromFractions(layer.Name, layer.From, layer.To) : null,
        Holdout = Holdout is { } holdout ? new Holdout(holdout.Name, holdout.Fraction) : null,
        Forced = Forced,
    };
}
