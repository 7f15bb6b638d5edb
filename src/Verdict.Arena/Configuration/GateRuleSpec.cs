namespace Verdict.Arena.Configuration;

/// <summary>
/// One gate rule. Kinds: <c>better</c> (treatment − control on <see cref="Axis"/> has CI lower bound above
/// <see cref="Margin"/>), <c>not_worse</c> (no axis significantly worse after Benjamini–Hochberg),
/// <c>checks_pass</c> (every deterministic check passes for the treatment), <c>win_rate</c> (pairwise win rate's
/// Wilson lower bound above <see cref="Margin"/>).
/// </summary>
public sealed class GateRuleSpec
{
    /// <summary>The rule kind.</summary>
    public string Kind { get; init; } = "";

    /// <summary>Metric for <c>better</c>.</summary>
    public string? Axis { get; init; }

    /// <summary>Threshold the lower bound must exceed. Default 0.</summary>
    public double Margin { get; init; }
}
