using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Xunit;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>Designs the estimator refuses, and seeded coverage of its intervals on panels with a known effect.</summary>
public sealed class DidDesignTests
{
    /// <summary>A panel with unit and period effects; treated units adopt at <paramref name="adoption"/> (or per unit via <paramref name="adoptionOf"/>).</summary>
    private static List<PanelObservation> Panel(Random random, int units, int periods, int adoption, double effect, Func<int, int?>? adoptionOf = null, double pretrend = 0)
    {
        var rows = new List<PanelObservation>();
        for (var u = 0; u < units; u++)
        {
            var unitEffect = Normal(random);
            int? start = adoptionOf is null ? (u % 2 == 0 ? adoption : null) : adoptionOf(u);
            for (var t = 0; t < periods; t++)
            {
                var treated = start is { } s && t >= s;
                var drift = start is { } s2 ? pretrend * (t - s2) : 0;
                rows.Add(new PanelObservation(u, t, u, treated, unitEffect + (0.3 * t) + (treated ? effect : 0) + drift + Normal(random)));
            }
        }

        return rows;
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Estimate_StaggeredAdoption_RefusedWithReason()
    {
        var panel = Panel(new Random(1), 40, 6, 0, 0.5, u => u % 3 == 0 ? null : u % 3 == 1 ? 2 : 4);

        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel);

        Assert.False(result.IsEstimated);
        Assert.True(result.IsStaggered);
        Assert.StartsWith("staggered adoption: units first treated in periods 2, 4", result.Refusal, StringComparison.Ordinal);
        Assert.False(result.TwoWayFixedEffects.IsAvailable);
    }

    [Fact]
    public void Estimate_TreatmentSwitchedOff_Refused()
    {
        var panel = Panel(new Random(2), 20, 4, 2, 0.5);
        panel[panel.FindLastIndex(o => o.Unit == 0)] = panel[panel.FindLastIndex(o => o.Unit == 0)] with { Treated = false };

        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel);

        Assert.Contains("treatment must stay on once adopted", result.Refusal, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "no never-treated units")]
    [InlineData(false, "no unit is ever treated")]
    public void Estimate_OneGroupOnly_Refused(bool everyoneTreated, string reason)
    {
        var panel = Panel(new Random(3), 10, 4, 2, 0.5, _ => everyoneTreated ? 2 : null);

        Assert.Contains(reason, Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TreatedFromFirstPeriod_Refused()
    {
        var panel = Panel(new Random(4), 10, 4, 0, 0.5);

        Assert.Contains("no pre-period", Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel).Refusal, StringComparison.Ordinal);
    }

    [Fact]
    public void Estimate_TreatedUnitsSeenOnlyAfterAdoption_SingularWithDiagnostic()
    {
        // Controls in both periods; the one treated unit only after adoption, so nothing identifies the effect.
        var panel = Panel(new Random(6), 10, 4, 2, 0.5, _ => null);
        panel.Add(new PanelObservation(99, 2, 99, true, 1.0));
        panel.Add(new PanelObservation(99, 3, 99, true, 1.2));

        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel);

        Assert.True(result.IsEstimated, result.Refusal);
        Assert.False(result.TwoWayFixedEffects.IsAvailable);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ZeroVariance && d.Message.Contains("singular", StringComparison.Ordinal));
    }

    [Fact]
    public void Estimate_FewClusters_Diagnostic()
    {
        var panel = Panel(new Random(5), 12, 4, 2, 0.5);

        var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(panel);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.FewClusters);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_SeededPanels_IntervalsCoverTheTrueEffectAndLeadsRejectAtAlpha()
    {
        const int trials = 600;
        const double effect = 0.5;
        var random = new Random(20261129);
        int twfe = 0, twoByTwo = 0, falseAlarms = 0;
        for (var t = 0; t < trials; t++)
        {
            var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(Panel(random, 60, 6, 3, effect));
            twfe += result.TwoWayFixedEffects.CiLow <= effect && effect <= result.TwoWayFixedEffects.CiHigh ? 1 : 0;
            twoByTwo += result.TwoByTwo.CiLow <= effect && effect <= result.TwoByTwo.CiHigh ? 1 : 0;
            falseAlarms += result.PreTrend!.Flat ? 0 : 1;
        }

        var tolerance = 3 * Math.Sqrt(0.95 * 0.05 / trials);
        Assert.True(Math.Abs((twfe / (double)trials) - 0.95) <= tolerance, $"TWFE coverage {twfe / (double)trials:F3}");
        Assert.True(Math.Abs((twoByTwo / (double)trials) - 0.95) <= tolerance, $"2x2 coverage {twoByTwo / (double)trials:F3}");
        Assert.True(Math.Abs((falseAlarms / (double)trials) - 0.05) <= tolerance, $"pre-trend false alarms {falseAlarms / (double)trials:F3}");
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Estimate_DivergingPreTrend_WarnsInMostPanels()
    {
        const int trials = 200;
        var random = new Random(8);
        var warned = 0;
        for (var t = 0; t < trials; t++)
        {
            var result = Verdict.Statistics.Did.DifferenceInDifferences.Estimate(Panel(random, 60, 6, 3, 0.5, pretrend: 0.8));
            warned += result.Diagnostics.Any(d => d.Code == DiagnosticCode.PreTrend) ? 1 : 0;
        }

        Assert.True(warned > 0.8 * trials, $"warned in {warned} of {trials}");
    }
}
