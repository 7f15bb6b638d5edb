namespace Verdict.Client;

/// <summary>
/// How the SDK logs a unit the experiment's holdout keeps on control (docs/sdk.md, docs/analysis.md "Long-term
/// holdout"): an exposure of <c>{experiment}/holdout</c>, arm <c>holdout</c>, with control's receipt hash, once per
/// unit and version, so <c>verdict analyze --holdout</c> can compare them with the exposed units.
/// </summary>
public static class HoldoutExposure
{
    /// <summary>The arm of a held-out unit's exposure.</summary>
    public const string Arm = "holdout";

    /// <summary>The assignment status of a held-out unit.</summary>
    public const string Status = "heldout";

    /// <summary>The experiment key held-out units are logged under; no brief key contains a slash.</summary>
    public static string Experiment(string experiment) => experiment + "/" + Arm;
}
