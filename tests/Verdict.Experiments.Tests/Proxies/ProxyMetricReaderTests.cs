using System.Text.Json.Nodes;
using NJsonSchema;
using Verdict.Assignment.Targeting;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Validation;
using Verdict.Testing;

namespace Verdict.Experiments.Tests.Proxies;

/// <summary>The proxy metric kinds of metrics.yaml read as the ordinary per-answer ratios they stand for, and their mistakes refused with a place.</summary>
public sealed class ProxyMetricReaderTests
{
    private static BriefLoadResult WithMetrics(string metrics, string secondary = "regenerations") =>
        Example.Edited("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]", $"secondary_metrics: [{secondary}]\n\nmetrics:\n{metrics}");

    [Fact]
    public void RegenerationRate_Defaults_RegenerationsPerLlmCall()
    {
        var brief = WithMetrics("  regenerations:\n    type: regeneration_rate\n    within: 7d\n").Brief!;
        var metric = brief.Metrics["regenerations"];
        Assert.Equal(MetricType.Ratio, metric.Type);
        Assert.Equal(MetricUnit.Proportion, metric.Unit);
        var (numerator, denominator) = (brief.Metrics[metric.Numerator!], brief.Metrics[metric.Denominator!]);
        Assert.Equal(("regenerations#regenerations", MetricType.Count, "regenerate"), (numerator.Name, numerator.Type, numerator.Events.Single()));
        Assert.Equal(("regenerations#answers", MetricType.Count, "llm_call"), (denominator.Name, denominator.Type, denominator.Events.Single()));
        Assert.All([numerator, denominator], part => Assert.Equal(TimeSpan.FromDays(7), part.Within));
    }

    [Fact]
    public void EditDistance_EditRatio_SumOfThePropertyPerEditedAnswer()
    {
        var brief = WithMetrics("  edits:\n    type: edit_distance\n    value: edit_ratio\n    event: reply_sent\n", "edits").Brief!;
        var metric = brief.Metrics["edits"];
        Assert.Equal((MetricType.Ratio, MetricUnit.Number), (metric.Type, metric.Unit));
        var sum = brief.Metrics[metric.Numerator!];
        Assert.Equal((MetricType.Sum, "edit_ratio", "reply_sent"), (sum.Type, sum.Value, sum.Events.Single()));
        Assert.Equal((MetricType.Count, "reply_sent"), (brief.Metrics[metric.Denominator!].Type, brief.Metrics[metric.Denominator!].Events.Single()));
    }

    [Fact]
    public void Thumbs_Down_CountsDownOverRatedFeedback()
    {
        var brief = WithMetrics("  thumbs_down:\n    type: thumbs\n    rating: down\n    description: Share of rated answers rated down\n", "thumbs_down").Brief!;
        var metric = brief.Metrics["thumbs_down"];
        Assert.Equal("Share of rated answers rated down", metric.Description);
        var down = brief.Metrics[metric.Numerator!].Where.Single();
        var rated = brief.Metrics[metric.Denominator!].Where.Single();
        Assert.Equal(("rating", ConditionOperator.Equals, "down"), (down.Property, down.Operator, down.Values.Single()));
        Assert.Equal(ConditionOperator.In, rated.Operator);
        Assert.Equal(["down", "up"], rated.Values);
    }

    [Theory]
    [InlineData("  edits:\n    type: edit_distance\n    value: chars\n", "metrics.edits.value", "expected one of edit_distance, edit_ratio")]
    [InlineData("  thumbs:\n    type: thumbs\n    rating: sideways\n", "metrics.thumbs.rating", "expected one of up, down")]
    [InlineData("  regenerations:\n    type: regeneration_rate\n    answer_evnt: llm_call\n", "metrics.regenerations.answer_evnt", "did you mean \"answer_event\"")]
    [InlineData("  regenerations:\n    type: regeneration_rate\n    within: soon\n", "metrics.regenerations.within", "expected a duration")]
    [InlineData("  regenerations:\n    type: regeneration_rate\n  regenerations#answers:\n    type: count\n    event: x\n", "metrics.regenerations#answers", "defined twice")]
    public void ProxyKinds_Mistakes_AreRefusedWithTheirPath(string metrics, string path, string message)
    {
        var result = WithMetrics(metrics, "regenerations");
        Assert.False(result.IsValid);
        Assert.Contains(result.Errors, e => e.Path == path && e.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricsSchema_ProxyKinds_Validate()
    {
        var schema = await JsonSchema.FromFileAsync(Path.Combine(AppContext.BaseDirectory, "Schemas", "metrics.schema.json"), TestContext.Current.CancellationToken);
        var document = new JsonObject
        {
            ["metrics"] = new JsonObject
            {
                ["regenerations"] = new JsonObject { ["type"] = "regeneration_rate", ["answer_event"] = "llm_call", ["within"] = "7d" },
                ["edits"] = new JsonObject { ["type"] = "edit_distance", ["value"] = "edit_ratio" },
                ["thumbs_up"] = new JsonObject { ["type"] = "thumbs", ["rating"] = "up" },
            },
        };
        Assert.Empty(schema.Validate(document.ToJsonString()).Select(e => e.ToString()));
    }
}
