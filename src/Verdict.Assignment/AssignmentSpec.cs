using Verdict.Assignment.Allocation;
using Verdict.Assignment.Targeting;

namespace Verdict.Assignment;

/// <summary>
/// Everything assignment needs, and nothing else: the salt, the arms in declaration order, the exposure, an optional
/// layer range and holdout, and forced assignments. A brief compiles to this; an SDK receives it as configuration.
/// </summary>
public sealed record AssignmentSpec
{
    /// <summary>The experiment salt; by convention <c>"{key}:v{version}"</c>.</summary>
    public required string Salt { get; init; }

    /// <summary>The arms, in declaration order (which fixes their bucket slots).</summary>
    public required IReadOnlyList<ArmWeight> Arms { get; init; }

    /// <summary>The fraction of eligible traffic enrolled, in [0, 1]. Default 1.</summary>
    public double Exposure { get; init; } = 1.0;

    /// <summary>The layer range the experiment owns, or null when it shares no layer.</summary>
    public LayerRange? Layer { get; init; }

    /// <summary>The holdout applied before arms, or null.</summary>
    public Holdout? Holdout { get; init; }

    /// <summary>Unit id → arm name assignments that win over hashing (QA). Default none.</summary>
    public IReadOnlyDictionary<string, string> Forced { get; init; } = new Dictionary<string, string>();
}
