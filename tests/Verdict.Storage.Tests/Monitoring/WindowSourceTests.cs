using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.Monitoring;

/// <summary><see cref="SqlMetricSource.LoadWindow"/> is the analysis's SQL restricted to a cohort of first exposures.</summary>
public sealed class WindowSourceTests
{
    private static readonly SupportBotScenario Scenario = new() { Units = 3000, Seed = 5 };

    [Fact]
    public void LoadWindow_CoveringTheWholeRun_EqualsTheAnalysisCells()
    {
        var brief = TestEnvironment.ExampleBrief();
        using var store = Simulated(brief);
        var asOf = Scenario.Start.AddDays(30);
        var full = new SqlMetricSource(store).Load(brief, asOf);
        var window = new SqlMetricSource(store).LoadWindow(brief, Scenario.Start.AddDays(-60), asOf.AddTicks(10));

        foreach (var cell in full.Cells.Where(c => c.Scope == CellScope.Overall))
        {
            var same = window.Cells.Single(c => c.Metric == cell.Metric && c.Arm == cell.Arm && c.Scope == CellScope.Overall);
            Assert.Equal(cell.Moments.Count, same.Moments.Count);
            Assert.Equal(cell.Moments.MeanY, same.Moments.MeanY, 1e-12);
            Assert.Equal(cell.Moments.SyY, same.Moments.SyY, Math.Abs(cell.Moments.SyY) * 1e-9);
        }

        Assert.Equal(full.Quantiles.Select(q => (q.Metric, q.Arm, q.Estimate.Value)), window.Quantiles.Select(q => (q.Metric, q.Arm, q.Estimate.Value)));
    }

    [Fact]
    public void LoadWindow_TwoAdjacentWindows_SplitTheUnitsWithoutOverlap()
    {
        var brief = TestEnvironment.ExampleBrief();
        using var store = Simulated(brief);
        var source = new SqlMetricSource(store);
        var end = Scenario.Start.AddDays(Scenario.Days + 1);
        var middle = Scenario.Start.AddDays(5);
        var all = source.LoadWindow(brief, Scenario.Start, end).Population.UnitsPerArm;
        var first = source.LoadWindow(brief, Scenario.Start, middle).Population.UnitsPerArm;
        var second = source.LoadWindow(brief, middle, end).Population.UnitsPerArm;
        Assert.All(all, arm => Assert.Equal(arm.Value, first[arm.Key] + second[arm.Key]));
        Assert.All(first, arm => Assert.True(arm.Value > 0));
        Assert.All(second, arm => Assert.True(arm.Value > 0));
    }

    private static DuckDbEventStore Simulated(ExperimentBrief brief)
    {
        var store = DuckDbEventStore.Open(":memory:");
        using var loader = store.BeginLoad();
        new SupportBotSimulator(brief, Scenario).Run(loader, TestContext.Current.CancellationToken);
        loader.Commit();
        return store;
    }
}
