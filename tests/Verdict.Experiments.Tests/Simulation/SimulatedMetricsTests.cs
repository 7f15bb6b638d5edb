namespace Verdict.Experiments.Tests.Simulation;

/// <summary>The metric definitions docs/events.md offers for the simulated traffic are valid beside the example's own.</summary>
public sealed class SimulatedMetricsTests
{
    /// <summary>Kept in step with docs/events.md, "Metrics over the simulated traffic".</summary>
    internal const string DocumentedMetrics = """

          answer_cost_usd:
            description: What the unit's answers cost in USD.
            type: sum
            event: answer_generated
            value: cost_usd
            within: 7d
            unit: number

          cost_per_resolved_conversation:
            description: Answer cost per resolved conversation.
            type: ratio
            numerator: answer_cost_usd
            denominator: resolved_conversation_rate
            unit: number

          resolved_conversation_rate_cuped:
            description: Resolution, adjusted by resolution in the 30 days before exposure.
            type: binary
            event: conversation_solved
            within: 7d
            unless:
              event: ticket_opened
              within: 10m
              after: conversation_solved
            covariate:
              metric: resolved_conversation_rate
              lookback: 30d
              period: pre_exposure
            unit: proportion
        """;

    [Fact]
    public void DocumentedMetrics_WithExampleMetrics_ParseWithoutErrors()
    {
        var result = Example.Parse(Example.BriefText, metrics: Example.MetricsText.TrimEnd() + "\n" + DocumentedMetrics);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        var ratio = result.Brief!.Metrics["cost_per_resolved_conversation"];
        Assert.Equal(MetricType.Ratio, ratio.Type);
        Assert.Equal("cost_usd", result.Brief.Metrics["answer_cost_usd"].Value);
        Assert.Equal(TimeSpan.FromDays(30), result.Brief.Metrics["resolved_conversation_rate_cuped"].Covariate!.Lookback);
    }
}
