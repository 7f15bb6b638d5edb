using Verdict.Experiments.Metrics;
using Verdict.Experiments.Validation;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

public sealed class BriefLinterTests
{
    private static BriefProblem Warning(BriefLoadResult result, string rule)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return Assert.Single(result.Warnings, w => w.Rule == rule);
    }

    [Fact]
    public void Lint_RequestRandomizedConversation_Warns()
    {
        var result = Example.Edited("  randomization: account\n  id: customer_account_id\n  analysis: account", "  randomization: request\n  stateful: true");
        Assert.Equal("unit.randomization", Warning(result, LintRules.RequestRandomizedConversation).Path);
    }

    [Fact]
    public void Lint_GuardrailWithoutBudget_Warns()
    {
        var result = Example.Edited("    budget: 150ms\n", string.Empty);
        Assert.Equal("guardrails[1]", Warning(result, LintRules.GuardrailWithoutBudget).Path);
    }

    [Fact]
    public void Lint_TrafficTooLowForMde_Warns()
    {
        var result = Example.Load(dailyUnits: 200);
        var warning = Warning(result, LintRules.UnreachableMde);
        Assert.Equal("analysis.mde", warning.Path);
        Assert.Contains("beyond max_duration 4w", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_EnoughTraffic_DoesNotWarn()
    {
        Assert.Empty(Example.Load(dailyUnits: 5000).Warnings);
    }

    [Fact]
    public void Lint_PostTreatmentCovariate_WarnsInMetricsFile()
    {
        var metrics = Example.MetricsText.Replace(
            "    unit: ms\n",
            "    unit: ms\n    covariate:\n      metric: p95_latency\n      lookback: 14d\n      period: post_exposure\n",
            StringComparison.Ordinal);
        var warning = Warning(Example.Parse(Example.BriefText, metrics: metrics), LintRules.PostTreatmentCovariate);
        Assert.Equal(("metrics.yaml", "metrics.p95_latency.covariate"), (warning.File, warning.Path));
    }

    [Fact]
    public void Lint_PreExposureCovariate_DoesNotWarn()
    {
        var metrics = Example.MetricsText.Replace("    unit: ms\n", "    unit: ms\n    covariate:\n      lookback: 28d\n", StringComparison.Ordinal);
        var result = Example.Parse(Example.BriefText, metrics: metrics);
        Assert.True(result.IsValid);
        Assert.Empty(result.Warnings);
        Assert.Equal(new CupedCovariate("p95_latency", TimeSpan.FromDays(28), CovariatePeriod.PreExposure), result.Brief!.Metrics["p95_latency"].Covariate);
    }

    [Fact]
    public void Lint_UndeclaredReceiptChange_Warns()
    {
        var result = Example.Edited("      components:\n        query_rewrite: query-rewrite-v1", "      components:\n        query_rewrite: query-rewrite-v1\n        reranker: rerank-v2");
        var warning = Warning(result, LintRules.UndeclaredReceiptChange);
        Assert.Equal("arms[1].receipt", warning.Path);
        Assert.Contains("components.reranker", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_ShipThresholdBelowMde_Warns()
    {
        var result = Example.Edited("minimum_ship_lift: 2.0pp", "minimum_ship_lift: 1.0pp");
        Assert.Equal("analysis.minimum_ship_lift", Warning(result, LintRules.ShipThresholdBelowMde).Path);
    }
}
