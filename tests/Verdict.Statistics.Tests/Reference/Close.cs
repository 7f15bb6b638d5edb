using Verdict.Statistics.Inference;
using Xunit;

namespace Verdict.Statistics.Tests.Reference;

/// <summary>Tolerance assertions: relative with an absolute floor near zero.</summary>
internal static class Close
{
    /// <summary>Closed forms agree to 1e-9 relative.</summary>
    public const double ClosedForm = 1e-9;

    public static void Equal(double expected, double actual, double relative = ClosedForm, string? what = null, double absolute = 1e-12)
    {
        var tolerance = Math.Max(absolute, relative * Math.Abs(expected));
        Assert.True(
            Math.Abs(expected - actual) <= tolerance,
            $"{what}: expected {expected:R}, got {actual:R} (|Δ| = {Math.Abs(expected - actual):E3} > {tolerance:E3})");
    }

    /// <summary>Compares an <see cref="Estimate"/> to a reference block {estimate, se, ci_low, ci_high, p_value, p_value_greater, p_value_less[, df]}.</summary>
    public static void Block(EstimateBlock expected, Estimate actual, string what, double relative = ClosedForm)
    {
        if (expected.Estimate is null)
        {
            Assert.False(actual.IsAvailable, $"{what}: expected no estimate");
            return;
        }

        Equal(expected.Estimate.Value, actual.Value, relative, $"{what}.estimate");
        Equal(expected.Se!.Value, actual.StandardError, relative, $"{what}.se");
        Equal(expected.CiLow!.Value, actual.CiLow, relative, $"{what}.ci_low");
        Equal(expected.CiHigh!.Value, actual.CiHigh, relative, $"{what}.ci_high");
        Equal(expected.PValue!.Value, actual.PValue, relative, $"{what}.p_value");
        if (expected.PValueGreater is { } greater)
        {
            Equal(greater, actual.PValueGreater, relative, $"{what}.p_value_greater");
            Equal(expected.PValueLess!.Value, actual.PValueLess, relative, $"{what}.p_value_less");
        }

        if (expected.Df is { } df)
        {
            Equal(df, actual.DegreesOfFreedom!.Value, relative, $"{what}.df");
        }
    }
}
