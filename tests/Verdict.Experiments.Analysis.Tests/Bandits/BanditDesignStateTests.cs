using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Bandits;

/// <summary>A bandit's state file started from the brief's <c>bandit</c> block, and the options in which a state differs from it.</summary>
public sealed class BanditDesignStateTests
{
    private static ExperimentBrief Brief(string block)
    {
        var result = Example.Edited("secondary_metrics:", block);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    [Fact]
    public void Start_FromTheBlock_CarriesItsOptionsAndDiffersFromNone()
    {
        var brief = Brief("bandit:\n  period: 1d\n  enrollment_per_period: 0.1\n  top_two: true\n  min_weight: 0.1\n  min_sample: 20\nsecondary_metrics:");
        var state = BanditUpdater.Start(brief, new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((0.1, true, 0.1, 20L, "resolved_conversation_rate"), (state.EnrollmentPerPeriod, state.TopTwo, state.MinWeight, state.MinSample, state.RewardMetric));
        Assert.Equal([0.5, 0.5], state.Periods.Single().Weights);
        Assert.Empty(brief.Bandit!.Differences(state));
        Assert.Equal(["enrollment_per_period", "min_weight"], brief.Bandit!.Differences(state with { EnrollmentPerPeriod = 0.2, MinWeight = 0.05 }));
    }
}
