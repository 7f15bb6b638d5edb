using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.OffPolicy;
using Xunit;

namespace Verdict.Statistics.Tests.OffPolicy;

/// <summary>Problems in logged data come back as diagnostics, not exceptions; caller mistakes throw.</summary>
public sealed class OffPolicyDiagnosticTests
{
    private static LoggedDecision Row(int action, double propensity, double reward, double p0 = 0.5) =>
        new(action, propensity, reward, [], [p0, 1 - p0]);

    [Fact]
    public void Evaluate_MissingAndZeroPropensitiesAndRewards_DroppedWithDiagnostics()
    {
        var rows = LoggedBanditSimulation.Draw(new Random(1), 200);
        rows.Add(Row(0, double.NaN, 1) with { Context = [0, 0, 0], TargetProbabilities = [0.2, 0.5, 0.3] });
        rows.Add(Row(0, 0, 1) with { Context = [0, 0, 0], TargetProbabilities = [0.2, 0.5, 0.3] });
        rows.Add(Row(0, 1.5, 1) with { Context = [0, 0, 0], TargetProbabilities = [0.2, 0.5, 0.3] });
        rows.Add(Row(0, 0.5, double.NaN) with { Context = [0, 0, 0], TargetProbabilities = [0.2, 0.5, 0.3] });

        var result = OffPolicyEvaluation.Evaluate(rows, new OffPolicyOptions { BootstrapResamples = 0 });

        Assert.Equal(200, result.Decisions);
        Assert.Equal(4, result.Dropped);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MissingPropensity && d.Message.StartsWith("1 of 204", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.InvalidPropensity && d.Message.StartsWith("2 of 204", StringComparison.Ordinal));
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MissingReward && d.Message.StartsWith("1 of 204", StringComparison.Ordinal));
        Assert.True(result[OffPolicyEstimator.DoublyRobust].Value.IsAvailable);
    }

    [Fact]
    public void Evaluate_CandidateFarFromLogger_FlagsLowEffectiveSampleAndDominantWeight()
    {
        // The logger takes action 1 with probability 0.01; the candidate always takes it.
        var random = new Random(2);
        var rows = Enumerable.Range(0, 500).Select(_ =>
        {
            var action = random.NextDouble() < 0.01 ? 1 : 0;
            return new LoggedDecision(action, action == 1 ? 0.01 : 0.99, random.NextDouble(), [], [0, 1]);
        }).ToList();

        var result = OffPolicyEvaluation.Evaluate(rows, new OffPolicyOptions { BootstrapResamples = 0 });

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.LowEffectiveSampleSize);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.DominantWeight);
        Assert.True(result.Weights.EffectiveSampleSize < 50);
        Assert.InRange(result.Weights.ZeroWeightShare, 0.97, 1.0);
    }

    [Fact]
    public void Evaluate_WrongPropensities_FlagsWeightImbalance()
    {
        // Logged propensities claim 0.5 but the logger took action 0 nine times in ten.
        var random = new Random(3);
        var rows = Enumerable.Range(0, 2000).Select(_ => Row(random.NextDouble() < 0.9 ? 0 : 1, 0.5, random.NextDouble(), p0: 0.9)).ToList();

        var result = OffPolicyEvaluation.Evaluate(rows, new OffPolicyOptions { BootstrapResamples = 0 });

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.WeightImbalance);
    }

    [Fact]
    public void Evaluate_ActionNeverLogged_ReducesRewardModelWithDiagnostic()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new LoggedDecision(0, 1.0, i % 2, [i], [0.5, 0.5])).ToList();

        var result = OffPolicyEvaluation.Evaluate(rows, new OffPolicyOptions { BootstrapResamples = 0 });

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ReducedModel);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.WeightImbalance);
    }

    [Fact]
    public void Evaluate_NoUsableDecisions_ReturnsMissingWithDiagnostic()
    {
        var result = OffPolicyEvaluation.Evaluate([Row(0, double.NaN, 1)]);

        Assert.False(result[OffPolicyEstimator.InversePropensity].Value.IsAvailable);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.TooFewUnits);
    }

    [Fact]
    public void Evaluate_ActionOutOfRange_ThrowsWithArgumentName()
    {
        var error = Assert.Throws<ArgumentException>(() => OffPolicyEvaluation.Evaluate([Row(0, 0.5, 1), Row(2, 0.5, 1)]));
        Assert.Equal("decisions", error.ParamName);
        Assert.Contains("decision 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_CandidateEqualsLogger_WeightingEstimatorsEqualTheMeanReward()
    {
        var random = new Random(4);
        var rows = Enumerable.Range(0, 300).Select(_ => Row(random.NextDouble() < 0.3 ? 0 : 1, double.NaN, random.NextDouble())).Select(r => r with { Propensity = r.Action == 0 ? 0.3 : 0.7, TargetProbabilities = [0.3, 0.7] }).ToList();

        var result = OffPolicyEvaluation.Evaluate(rows, new OffPolicyOptions { BootstrapResamples = 0 });

        // Every weight is 1, so IPS and SNIPS are the mean reward exactly; DR differs from it by sampling noise only.
        foreach (var e in result.Estimates.Take(2))
        {
            Assert.Equal(result.Logged.Value, e.Value.Value, 12);
            Assert.Equal(0, e.VersusLogged.Value, 12);
            Assert.Equal(1, result.Weights.EffectiveSampleSize / result.Decisions, 12);
        }

        var dr = result[OffPolicyEstimator.DoublyRobust];
        Assert.True(Math.Abs(dr.VersusLogged.Value) < 2 * dr.VersusLogged.StandardError, $"dr − logged = {dr.VersusLogged.Value}");
    }
}
