using Verdict.Experiments.Metrics;
using Verdict.Testing;

namespace Verdict.Experiments.Simulation.Tests;

/// <summary>The example's metric definitions cover what the simulated traffic carries (cost, covariate).</summary>
public sealed class SimulatedMetricsTests
{
    [Fact]
    public void ExampleMetrics_CoverTheSimulatedCostAndCovariate()
    {
        var brief = Example.Brief();
        Assert.Equal(MetricType.Ratio, brief.Metrics["cost_per_resolved_conversation"].Type);
        Assert.Equal(SupportBotEvents.CostUsd, brief.Metrics["answer_cost_usd"].Value);
        Assert.Equal(TimeSpan.FromDays(30), brief.Metrics["resolved_conversation_rate"].Covariate!.Lookback);
    }
}
