namespace Verdict.Experiments.Briefs;

/// <summary>
/// A monitor threshold derived from control's own stable-period distribution (brief
/// <c>monitor.threshold: {from: control_stable, periods, k | quantile}</c>; docs/monitor.md, "Threshold from control's
/// stable period"). The stable period is control's first <see cref="Periods"/> judged windows (control with at least the
/// registered minimum sample and a value); with v₁…vₙ their values, v̄ their mean and s their sample standard deviation,
/// the threshold on the difference treatment − control is m = k·s, or m = Q_q(v) − v̄ for a quantile q (mirrored,
/// v̄ − Q₁₋q(v), when a decrease is harmful), Q the linear-interpolation sample quantile (Hyndman and Fan 1996, type 7).
/// It is in the metric's unit.
/// </summary>
/// <param name="Periods">How many of control's windows make the stable period (2 to 1000).</param>
/// <param name="K">The multiple of control's window-to-window standard deviation, or null when <paramref name="Quantile"/> is given.</param>
/// <param name="Quantile">The quantile of control's window values (0.5 to 1, exclusive), or null when <paramref name="K"/> is given.</param>
public sealed record ControlStableThreshold(int Periods, double? K, double? Quantile)
{
    /// <summary>The threshold (a harm, ≥ 0 in the metric's unit) from control's stable-period window values.</summary>
    public double From(IReadOnlyList<double> values, bool increaseIsHarmful)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count < 2)
        {
            throw new ArgumentException($"a stable period needs at least 2 windows, got {values.Count}", nameof(values));
        }

        var mean = values.Average();
        if (K is { } k)
        {
            var sumSquares = values.Sum(v => (v - mean) * (v - mean));
            return k * Math.Sqrt(sumSquares / (values.Count - 1));
        }

        var q = Quantile ?? throw new InvalidOperationException("a control_stable threshold has k or quantile");
        return Math.Max(0, increaseIsHarmful ? TypeSeven(values, q) - mean : mean - TypeSeven(values, 1 - q));
    }

    /// <summary>The type-7 sample quantile (numpy's default): sorted x, h = (n − 1)·p, x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).</summary>
    private static double TypeSeven(IReadOnlyList<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }
}
