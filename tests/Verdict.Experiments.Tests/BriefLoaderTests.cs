using Verdict.Assignment;
using Verdict.Assignment.Hashing;
using Verdict.Assignment.Targeting;
using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Quantities;
using Verdict.Experiments.Yaml;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

public sealed class BriefLoaderTests
{
    [Fact]
    public void LoadFile_SeedExample_IsValidWithoutWarnings()
    {
        var result = Example.Load();
        Assert.True(result.IsValid);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void LoadFile_SeedExample_HoldsTheSeedBriefTable()
    {
        var brief = Example.Brief();
        Assert.Equal("refund-query-rewrite:v1", brief.Salt);
        Assert.Equal(RandomizationUnit.Account, brief.Unit.Randomization);
        Assert.Equal("refund_question_submitted", brief.Eligibility.EnrollmentEvent);
        Assert.True(brief.Eligibility.FirstOccurrenceOnly);
        Assert.Equal(["control", "treatment"], brief.Arms.Select(a => a.Name));
        Assert.Equal(["components.query_rewrite"], brief.Control.Receipt.Differences(brief.Arms[1].Receipt));
        Assert.Equal(new Quantity(0.02, QuantityUnit.Proportion), brief.Analysis.Mde);
        Assert.Equal(brief.Analysis.Mde, brief.Analysis.MinimumShipLift);
        Assert.Equal([new Quantity(0.005, QuantityUnit.Proportion), new Quantity(150, QuantityUnit.Milliseconds), new Quantity(0.005, QuantityUnit.Proportion)], brief.Guardrails.Select(g => g.Budget!.Value));
        var resolved = brief.Metrics[brief.PrimaryMetric];
        Assert.Equal(new EventExclusion("ticket_opened", TimeSpan.FromMinutes(10), "conversation_solved"), resolved.Unless);
        Assert.Equal(["device", "plan"], brief.Segments.Select(s => s.Name));
    }

    [Fact]
    public void Parse_WordForABudget_ReportsFileLinePathAndExpectation()
    {
        var result = Example.Edited("budget: 150ms", "budget: fast");
        var problem = Assert.Single(result.Errors);
        Assert.Equal($"brief.yaml:{LineOf(Example.BriefText, "budget: 150ms")} guardrails[1].budget: expected milliseconds, got \"fast\"", problem.ToString());
    }

    [Fact]
    public void Parse_ManyMistakes_ReportsEveryOneAtOnce()
    {
        var text = Example.BriefText
            .Replace("budget: 150ms", "budget: 0.5pp", StringComparison.Ordinal)
            .Replace("exposure: 1.0", "exposure: 1.5", StringComparison.Ordinal)
            .Replace("primary_metric: resolved_conversation_rate", "primary_metric: resolution", StringComparison.Ordinal)
            .Replace("  - name: treatment\n    weight: 0.5", "  - name: control\n    weight: 0.6", StringComparison.Ordinal)
            .Replace("alpha: 0.05", "alpah: 0.05", StringComparison.Ordinal);
        var messages = Example.Parse(text).Errors.Select(e => e.ToString()).ToList();
        Assert.Contains(messages, m => m.EndsWith("guardrails[1].budget: expected milliseconds, got \"0.5pp\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("traffic.exposure: must lie in [0, 1], got 1.5", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("primary_metric: unknown metric \"resolution\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("arms[1].name: duplicate arm name \"control\"", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.EndsWith("arms: arm weights must sum to 1, got 1.1", StringComparison.Ordinal));
        Assert.Contains(messages, m => m.Contains("analysis.alpah: unknown field \"alpah\" (did you mean \"alpha\"?)", StringComparison.Ordinal));
        Assert.Equal(6, messages.Count);
    }

    [Fact]
    public void Parse_MdeBeyondARate_IsAnError()
    {
        var result = Example.Edited("baseline: 0.38", "baseline: 0.99");
        Assert.Equal("analysis.mde", Assert.Single(result.Errors).Path);
    }

    [Fact]
    public void Parse_NoControlArm_IsAnError()
    {
        var result = Example.Edited("    control: true\n", string.Empty);
        Assert.Contains(result.Errors, e => e.Message.StartsWith("no control arm", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_YamlSyntaxError_ReportsLineAndColumn()
    {
        var result = Example.Parse("key: x\narms:\n  - name: a\n   weight: [1\n");
        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, 4), (problem.Line, problem.Column));
        Assert.StartsWith("brief.yaml:4 YAML syntax error at line 4, column 4:", problem.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "brief.yaml the file is empty")]
    [InlineData("- a\n- b\n", "brief.yaml:1 expected a mapping of fields, got a list")]
    public void Parse_NotABrief_SaysWhatItIs(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(Example.Parse(text).Problems).ToString());
    }

    [Fact]
    public void Parse_UnknownMetricInMetricsFile_PointsIntoThatFile()
    {
        var metrics = Example.MetricsText.Replace("    type: quantile\n", "    type: ratio\n    numerator: answers\n    denominator: conversations\n", StringComparison.Ordinal);
        var errors = Example.Parse(Example.BriefText, metrics: metrics).Errors.ToList();
        Assert.Contains(errors, e => e.File == "metrics.yaml" && e.Path == "metrics.p95_latency.numerator" && e.Message == "unknown metric \"answers\"" && e.Line == LineOf(metrics, "numerator: answers"));
        Assert.Contains(errors, e => e.File == "metrics.yaml" && e.Path == "metrics.p95_latency.event");
    }

    [Fact]
    public void Parse_ExclusionAfterAnotherEvent_IsAnError()
    {
        var metrics = Example.MetricsText.Replace("      after: conversation_solved", "      after: answer_generated", StringComparison.Ordinal);
        Assert.NotEqual(Example.MetricsText, metrics);
        var errors = Example.Parse(Example.BriefText, metrics: metrics).Errors.ToList();
        Assert.Contains(errors, e => e.File == "metrics.yaml" && e.Path == "metrics.resolved_conversation_rate.unless.after"
            && e.Message == "must be one of the metric's events (conversation_solved), got \"answer_generated\"");
    }

    [Fact]
    public void Parse_MissingMetricsFile_IsAnError()
    {
        var result = BriefLoader.Parse(Example.BriefText, "brief.yaml", _ => null);
        Assert.Contains(result.Errors, e => e.Message == "metrics file \"metrics.yaml\" not found beside brief.yaml");
    }

    [Fact]
    public void Parse_ReceiptDiffersInLockedField_IsAnError()
    {
        var text = ReplaceSecond(Example.BriefText, "model: support-generator-v7", "model: support-generator-v8");
        var problem = Assert.Single(Example.Parse(text).Errors);
        Assert.Equal("arms[1].receipt.model", problem.Path);
    }

    [Fact]
    public void Parse_GroupSequentialWithoutLooks_IsAnError()
    {
        var result = Example.Edited("design: fixed_horizon", "design: group_sequential\n  spending: power:2");
        Assert.Contains(result.Errors, e => e.Path == "analysis.looks");
    }

    [Theory]
    [InlineData("obf")]
    [InlineData("pocock")]
    [InlineData("power:1.5")]
    [InlineData("hsd:-4")]
    [InlineData("classic-obf")]
    [InlineData("classic-pocock")]
    public void Parse_GroupSequentialPlan_AcceptsEverySpendingFunction(string spending)
    {
        var result = Example.Edited("design: fixed_horizon", $"design: group_sequential\n  looks: [0.25, 0.5, 1.0]\n  spending: \"{spending}\"");
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal([0.25, 0.5, 1.0], result.Brief!.Analysis.Looks);
    }

    [Fact]
    public void Parse_UnknownSpendingFunction_IsAnError()
    {
        var result = Example.Edited("design: fixed_horizon", "design: group_sequential\n  looks: [0.5, 1.0]\n  spending: lan-demets");
        Assert.Contains(result.Errors, e => e.Path == "analysis.spending");
    }

    [Fact]
    public void Parse_EligibilityConditions_AreModelled()
    {
        var result = Example.Edited("  first_only: true\n", "  first_only: true\n  conditions:\n    - {attribute: plan, op: eq, value: annual}\n");
        var condition = Assert.Single(result.Brief!.Eligibility.Conditions);
        Assert.Equal(new EligibilityCondition("plan", ConditionOperator.Equals, ["annual"]).Attribute, condition.Attribute);
        Assert.Equal(["annual"], condition.Values);
    }

    [Fact]
    public void ToAssignmentSpec_Example_AssignsLikeTheReference()
    {
        var assigner = new ExperimentAssigner(Example.Brief().ToAssignmentSpec());
        Assert.Equal(AssignmentHash.Bucket("refund-query-rewrite:v1", "customer-014"), assigner.Assign("customer-014").Bucket);
    }

    internal static int LineOf(string text, string fragment)
    {
        var index = text.IndexOf(fragment, StringComparison.Ordinal);
        Assert.True(index >= 0, fragment);
        return text[..index].Count(c => c == '\n') + 1;
    }

    private static string ReplaceSecond(string text, string from, string to)
    {
        var first = text.IndexOf(from, StringComparison.Ordinal);
        var second = text.IndexOf(from, first + from.Length, StringComparison.Ordinal);
        return text[..second] + to + text[(second + from.Length)..];
    }
}
