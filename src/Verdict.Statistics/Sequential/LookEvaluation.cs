namespace Verdict.Statistics.Sequential;

/// <summary>The decision at one look of a registered plan and the boundaries it used.</summary>
/// <param name="Look">1-based look number.</param>
/// <param name="InformationFraction">Realized information fraction of this look.</param>
/// <param name="Z">The look's z-statistic.</param>
/// <param name="Action">Continue, stop for efficacy or stop for futility.</param>
/// <param name="EfficacyBoundary">The efficacy boundary (±z for two-sided plans).</param>
/// <param name="FutilityBoundary">The non-binding futility boundary, when the plan has one.</param>
/// <param name="NominalP">One-sided nominal level 1 − Φ(boundary) of this look (per side for two-sided plans).</param>
/// <param name="CumulativeAlpha">Type-I error spent up to and including this look.</param>
/// <param name="IsFinal">True when this look ends the plan (information fraction reached 1, or declared final).</param>
/// <param name="Recomputed">True when the look was not registered and the spending function spent for it.</param>
/// <param name="Note">Why boundaries were recomputed, for the audit trail; null otherwise.</param>
public readonly record struct LookEvaluation(
    int Look,
    double InformationFraction,
    double Z,
    LookAction Action,
    double EfficacyBoundary,
    double? FutilityBoundary,
    double NominalP,
    double CumulativeAlpha,
    bool IsFinal,
    bool Recomputed,
    string? Note)
{
    /// <summary>Lower end of the repeated confidence interval (Jennison and Turnbull 2000, §9.1); NaN without an estimate.</summary>
    public double RepeatedCiLow { get; init; } = double.NaN;

    /// <summary>Upper end of the repeated confidence interval; NaN without an estimate.</summary>
    public double RepeatedCiHigh { get; init; } = double.NaN;
}
