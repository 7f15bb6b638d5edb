using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.ClickHouse;

/// <summary>
/// The cluster-randomization cases of the conformance suite, unchanged, on the two-shard ClickHouse cluster; and the
/// whole clustered analysis (segments, days, CUPED, ratios, exclusions, quantiles) against DuckDB's on the same events.
/// </summary>
public sealed class ClickHouseClusterRandomizationTests : ClusterRandomizationTests
{
    protected override EventStore CreateStore() => Verdict.Storage.ClickHouse.ClickHouseEventStore.Open(TestEnvironment.NewClickHouseDatabase());

    [Fact]
    public void Load_ClusterRandomizedSimulatedTraffic_EqualsDuckDbCellForCell()
    {
        // The support bot's traffic clustered by region (three clusters, each in both arms): every cell, CUPED cell,
        // quantile and count must equal DuckDB's (relative 1e-9 on moments, exact on counts and order statistics).
        var brief = TestEnvironment.ExampleBrief(yaml => yaml.Replace(
            "unit:\n  randomization: account\n  id: customer_account_id\n  analysis: account",
            "unit:\n  randomization: cluster\n  cluster_key: region\n  analysis: account",
            StringComparison.Ordinal));
        using var duckDb = DuckDbEventStore.Open(":memory:");
        using var clickHouse = CreateStore();
        var records = new RecordingSink();
        new SupportBotSimulator(TestEnvironment.ExampleBrief(), new SupportBotScenario { Units = 2000, Seed = 17 }).Run(records, TestContext.Current.CancellationToken);
        foreach (var store in new[] { duckDb, clickHouse })
        {
            using var loader = store.BeginLoad();
            records.Exposures.ForEach(loader.Add);
            records.Events.ForEach(loader.Add);
            loader.Commit();
        }

        var expected = new SqlMetricSource(duckDb).Load(brief, null);
        var actual = new SqlMetricSource(clickHouse).Load(brief, null);

        Assert.Equal(expected.Population.UnitsPerArm, actual.Population.UnitsPerArm);
        Assert.Equal(expected.Population.ClustersPerArm, actual.Population.ClustersPerArm);
        Assert.Equal(3, actual.Population.ClustersPerArm!["control"]);
        Assert.Equal(Keys(expected.Cells.Select(c => (c.Metric, c.Arm, c.Scope, c.ScopeValue))), Keys(actual.Cells.Select(c => (c.Metric, c.Arm, c.Scope, c.ScopeValue))));
        Assert.Contains(actual.Cells, c => c.Scope == CellScope.Segment);
        Assert.Contains(actual.Cells, c => c.Scope == CellScope.Day);
        foreach (var cell in expected.Cells)
        {
            var other = actual.Cells.Single(c => (c.Metric, c.Arm, c.Scope, c.ScopeValue) == (cell.Metric, cell.Arm, cell.Scope, cell.ScopeValue)).Moments;
            var what = $"{cell.Metric} {cell.Arm} {cell.Scope} {cell.ScopeValue}";
            Assert.Equal(cell.Moments.Count, other.Count);
            StoreConformanceTests.Near(cell.Moments.MeanY, other.MeanY, what + " mean y");
            StoreConformanceTests.Near(cell.Moments.MeanX, other.MeanX, what + " mean x");
            StoreConformanceTests.Near(cell.Moments.SyY, other.SyY, what + " Syy");
            StoreConformanceTests.Near(cell.Moments.SxX, other.SxX, what + " Sxx");
            StoreConformanceTests.Near(cell.Moments.SxY, other.SxY, what + " Sxy");
        }

        Assert.NotEmpty(expected.RatioCovariates!);
        Assert.Equal(expected.RatioCovariates!.Count, actual.RatioCovariates!.Count);
        foreach (var cell in expected.RatioCovariates!)
        {
            var other = actual.RatioCovariates!.Single(c => (c.Metric, c.Arm, c.Scope, c.ScopeValue) == (cell.Metric, cell.Arm, cell.Scope, cell.ScopeValue)).Moments;
            Assert.Equal(cell.Moments.Count, other.Count);
            for (var i = 0; i < 4; i++)
            {
                StoreConformanceTests.Near(cell.Moments.Sum(i), other.Sum(i), $"{cell.Metric} {cell.Arm} {cell.ScopeValue} sum {i}");
                for (var j = 0; j < 4; j++)
                {
                    StoreConformanceTests.Near(cell.Moments.Covariance(i, j), other.Covariance(i, j), $"{cell.Metric} {cell.Arm} {cell.ScopeValue} cov {i},{j}");
                }
            }
        }

        Assert.NotEmpty(expected.Quantiles);
        Assert.Equal(Keys(expected.Quantiles.Select(q => (q.Metric, q.Arm, q.Scope, q.ScopeValue))), Keys(actual.Quantiles.Select(q => (q.Metric, q.Arm, q.Scope, q.ScopeValue))));
        foreach (var quantile in expected.Quantiles)
        {
            Assert.Equal(quantile.Estimate, actual.Quantiles.Single(q => (q.Metric, q.Arm, q.Scope, q.ScopeValue) == (quantile.Metric, quantile.Arm, quantile.Scope, quantile.ScopeValue)).Estimate);
        }
    }

    private static List<string> Keys(IEnumerable<(string Metric, string Arm, CellScope Scope, string? Value)> cells) =>
        cells.Select(c => $"{c.Metric}|{c.Arm}|{c.Scope}|{c.Value}").Order(StringComparer.Ordinal).ToList();
}
