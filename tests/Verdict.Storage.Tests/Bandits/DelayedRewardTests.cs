using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation.Bandits;
using Verdict.Experiments.Yaml;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Xunit;

namespace Verdict.Storage.Tests.Bandits;

/// <summary>
/// Delayed rewards (docs/bandits.md, "Delayed rewards"): a bandit update counts only units whose reward window has
/// closed. Every backend: the store's cut-off keeps exactly the units first exposed by as-of − within, with all their
/// rewards. DuckDB, seeded: counting open windows biases the arms' means low; the cut-off removes the bias.
/// </summary>
public abstract class DelayedRewardTests : IDisposable
{
    private static readonly double[] TrueRates = [0.55, 0.62];
    private static readonly DateTimeOffset Start = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);

    // Period p enrols from day p (BanditTraffic: candidate u at u seconds); rewards arrive up to a day (the metric's
    // within) after exposure.
    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public void LoadClosed_CutOff_KeepsUnitsWhoseWindowClosedWithAllTheirRewards()
    {
        var store = CreateStore();
        stores.Add(store);
        var brief = Brief();
        var recorded = Serve(store, brief, seed: 5, candidates: 4000);
        // The update runs half way through period 1: the cut-off falls half way through period 0.
        var asOf = Start.AddDays(1).AddSeconds(2000);
        var cutoff = BanditUpdater.RewardCutoff(brief, asOf)!.Value;
        Assert.Equal(Start.AddSeconds(2000), cutoff);

        var data = new SqlMetricSource(store).LoadClosed(BanditUpdater.ForStore(brief), cutoff, asOf);
        var exposed = recorded.Exposures.Where(e => e.Timestamp <= cutoff).ToList();
        Assert.Contains(recorded.Exposures, e => e.Timestamp > cutoff && e.Timestamp < Start.AddDays(1));
        Assert.Contains(recorded.Exposures, e => e.Timestamp > Start.AddDays(1) && e.Timestamp <= asOf);
        var rewarded = recorded.Events.Where(e => e.Timestamp <= asOf).Select(e => e.UnitId).ToHashSet(StringComparer.Ordinal);
        foreach (var arm in brief.Arms.Select(a => a.Name))
        {
            foreach (var period in new[] { "0", "1" })
            {
                var units = exposed.Where(e => e.Arm == arm && e.Attributes["bandit_period"] == period).ToList();
                var cell = data.Cells.SingleOrDefault(c => c.Metric == "resolved" && c.Arm == arm && c.Scope == CellScope.Segment && c.ScopeValue == period);
                Assert.Equal(units.Count, cell?.Moments.Y.Count ?? 0);
                Assert.Equal(units.Count(u => rewarded.Contains(u.UnitId)), cell?.Moments.Y.Sum ?? 0, 9);
            }
        }
    }

    /// <summary>Enrols two periods a day apart (weights ½/½, then 0.2/0.8) with rewards up to a day late; returns what was written.</summary>
    private protected static RecordingSink Serve(EventStore store, ExperimentBrief brief, int seed, int candidates)
    {
        var state = BanditUpdater.Start(brief, 0.5, Start, s => s with { MinSample = 10 });
        state = state with { Periods = [.. state.Periods, new BanditPeriodRecord(1, [0.2, 0.8], Start.AddDays(1), [0, 0], null, true)] };
        var recorded = new RecordingSink();
        using (var loader = store.BeginLoad())
        {
            var sink = new RecordingSink(loader);
            BanditTraffic.Serve(state, 0, candidates, TrueRates, "conversation_solved", Start, seed, sink, maxRewardDelay: TimeSpan.FromDays(1));
            BanditTraffic.Serve(state, 1, candidates, TrueRates, "conversation_solved", Start.AddDays(1), seed, sink, maxRewardDelay: TimeSpan.FromDays(1));
            loader.Commit();
            recorded.Exposures.AddRange(sink.Exposures);
            recorded.Events.AddRange(sink.Events);
        }

        return recorded;
    }

    /// <summary>examples/prompt-bandit: the reward metric <c>resolved</c> has a one-day window.</summary>
    protected static ExperimentBrief Brief()
    {
        var result = BriefLoader.LoadFile(Path.Combine(TestEnvironment.RepositoryRoot(), "examples", "prompt-bandit", "brief.yaml"));
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Brief!;
    }

    /// <summary>Per arm, units and rewards counted, from the cells of both periods.</summary>
    protected static (long Units, double Rewards)[] Totals(MetricData data) =>
        [.. Enumerable.Range(0, 2).Select(a => data.Cells.Where(c => c.Metric == "resolved" && c.Arm == (a == 0 ? "control" : "treatment") && c.Scope == CellScope.Segment)
            .Aggregate((Units: 0L, Rewards: 0.0), (t, c) => (t.Units + c.Moments.Y.Count, t.Rewards + c.Moments.Y.Sum)))];

    protected static double Rate(int arm) => TrueRates[arm];

    /// <summary>Right after period 1's last candidate: every period-1 window is open, every period-0 window closed.</summary>
    protected static DateTimeOffset UpdateTime(int candidates) => Start.AddDays(1).AddSeconds(candidates);
}

public sealed class DuckDbDelayedRewardTests : DelayedRewardTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");

    [Fact]
    public void Update_SeededRuns_OpenWindowsBiasLowAndTheCutOffRemovesIt()
    {
        // The update runs right after period 1 (as a daily schedule would); eight seeds × ~8 000 enrolled units. Each arm's rewards per unit, pooled over seeds, against its true rate:
        // the weights are fixed (not adaptive) and the rates constant, so a correct count is unbiased.
        var brief = Brief();
        var open = new (long Units, double Rewards)[2];
        var closed = new (long Units, double Rewards)[2];
        for (var seed = 1; seed <= 8; seed++)
        {
            using var store = CreateStore();
            Serve(store, brief, seed, candidates: 8000);
            var source = new SqlMetricSource(store);
            var asOf = UpdateTime(8000);
            var all = Totals(source.Load(BanditUpdater.ForStore(brief), asOf));
            var cut = Totals(source.LoadClosed(BanditUpdater.ForStore(brief), BanditUpdater.RewardCutoff(brief, asOf)!.Value, asOf));
            for (var a = 0; a < 2; a++)
            {
                open[a] = (open[a].Units + all[a].Units, open[a].Rewards + all[a].Rewards);
                closed[a] = (closed[a].Units + cut[a].Units, closed[a].Rewards + cut[a].Rewards);
            }
        }

        for (var a = 0; a < 2; a++)
        {
            var p = Rate(a);
            var openBias = (open[a].Rewards / open[a].Units) - p;
            var closedBias = (closed[a].Rewards / closed[a].Units) - p;
            var openSe = Math.Sqrt(p * (1 - p) / open[a].Units);
            var closedSe = Math.Sqrt(p * (1 - p) / closed[a].Units);
            TestContext.Current.TestOutputHelper?.WriteLine($"arm {a}: open windows bias {openBias:+0.0000;-0.0000} (SE {openSe:0.0000}, {open[a].Units} units); cut-off bias {closedBias:+0.0000;-0.0000} (SE {closedSe:0.0000}, {closed[a].Units} units)");
            Assert.True(openBias < -4 * openSe, $"arm {a}: counting open windows should bias the mean low; bias {openBias:F4}, SE {openSe:F4}");
            Assert.True(Math.Abs(closedBias) < 4 * closedSe, $"arm {a}: with the cut-off the bias {closedBias:F4} should be within 4 SE ({closedSe:F4})");
        }
    }
}

public sealed class PostgresDelayedRewardTests : DelayedRewardTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
