namespace Verdict.Statistics.AlwaysValid;

/// <summary>
/// An always-valid p-value and confidence interval at one look: valid at every look, however many and whenever
/// they happen, so stopping as soon as p ≤ α keeps the type-I error at α.
/// </summary>
/// <param name="Value">The effect estimate (absolute or relative lift).</param>
/// <param name="StandardError">Its standard error.</param>
/// <param name="PValue">Always-valid p-value at this look (one-sided when <paramref name="Sides"/> is 1).</param>
/// <param name="CiLow">Lower end of the confidence sequence at this look (−∞ for a one-sided "less" test).</param>
/// <param name="CiHigh">Upper end of the confidence sequence at this look (+∞ for a one-sided "greater" test).</param>
/// <param name="Sides">2 for a two-sided sequence; 1 for a one-sided one.</param>
public readonly record struct AlwaysValidResult(double Value, double StandardError, double PValue, double CiLow, double CiHigh, int Sides = 2)
{
    /// <summary>A look whose numbers could not be computed.</summary>
    public static AlwaysValidResult Missing { get; } = new(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);

    /// <summary>True when the p-value and interval are available.</summary>
    public bool IsAvailable => double.IsFinite(PValue);
}
