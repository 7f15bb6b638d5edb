using Verdict.Experiments.Analysis;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// The cells rolled up in .NET from the fine groups (arm, day, segment values) against the cells of the grouping-sets
/// query the source falls back to past its fine-group limit (docs/analysis-sql.md, "The statements"): the same cells,
/// the same unit counts, the same moments to rounding, on every engine that reads through <see cref="SqlMetricSource"/>.
/// </summary>
public abstract class FineCellsTests : IDisposable
{
    private EventStore? store;

    protected abstract EventStore CreateStore();

    [Fact]
    public void Load_FineGroupsRolledUp_EqualGroupingSetsCells()
    {
        var brief = TestEnvironment.ExampleBrief();
        store = CreateStore();
        using (var loader = store.BeginLoad())
        {
            new SupportBotSimulator(brief, new SupportBotScenario { Units = 3000, Seed = 11 }).Run(loader, TestContext.Current.CancellationToken);
            loader.Commit();
        }

        var fine = new SqlMetricSource(store).Load(brief, null);
        var grouped = new SqlMetricSource(store) { FineGroupLimit = 0 }.Load(brief, null);

        // Day and segment cells both ways, several days and both segments' values, so the roll-up has work to do.
        Assert.Contains(fine.Cells, c => c.Scope == CellScope.Segment && c.ScopeName == "plan");
        Assert.True(fine.Cells.Where(c => c.Scope == CellScope.Day).Select(c => c.ScopeValue).Distinct().Count() > 1);
        var expected = grouped.Cells.ToDictionary(Key);
        Assert.Equal(expected.Count, fine.Cells.Count);
        foreach (var cell in fine.Cells)
        {
            var other = expected[Key(cell)].Moments;
            Assert.Equal(other.Count, cell.Moments.Count);
            Close(other.MeanX, cell.Moments.MeanX, 1);
            Close(other.MeanY, cell.Moments.MeanY, 1);
            Close(other.SxX, cell.Moments.SxX, other.SxX);
            Close(other.SyY, cell.Moments.SyY, other.SyY);
            Close(other.SxY, cell.Moments.SxY, Math.Sqrt(other.SxX * other.SyY));
        }

        Assert.Equal(grouped.Population.UnitsPerArm, fine.Population.UnitsPerArm);
        Assert.Equal(SegmentCounts(grouped), SegmentCounts(fine));
    }

    /// <summary>Units per (segment, value, arm), in ordinal order (the arms' order within a value follows the rows).</summary>
    private static List<(string, string, string, long)> SegmentCounts(MetricData data) =>
        data.Population.UnitsPerSegment.SelectMany(s => s.Value.SelectMany(v => v.Value.Select(a => (s.Key, v.Key, a.Key, a.Value))))
            .OrderBy(t => t.Item1, StringComparer.Ordinal).ThenBy(t => t.Item2, StringComparer.Ordinal).ThenBy(t => t.Item3, StringComparer.Ordinal).ToList();

    private static (string, string, CellScope, string?, string?) Key(MetricCell c) => (c.Metric, c.Arm, c.Scope, c.ScopeName, c.ScopeValue);

    /// <summary>Equal to 1e-10 of <paramref name="scale"/> (a moment's own size, or 1 for means).</summary>
    private static void Close(double expected, double actual, double scale) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-10 * Math.Max(Math.Abs(scale), 1e-300), $"expected {expected}, got {actual}");

    public void Dispose()
    {
        store?.Dispose();
        GC.SuppressFinalize(this);
    }
}

public sealed class DuckDbFineCellsTests : FineCellsTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresFineCellsTests : FineCellsTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
