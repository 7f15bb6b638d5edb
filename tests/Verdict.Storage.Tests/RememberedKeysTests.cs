using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Storage.DuckDb;
using Xunit;

namespace Verdict.Storage.Tests;

/// <summary>
/// A DuckDB store that remembers its keys (<see cref="DuckDbEventStore.RememberKeys"/>, the server's writer) appends loads
/// of new keys without the anti-join and still stores every row exactly once: retried loads, repeats inside one load,
/// and rows another store instance wrote to the same file in between.
/// </summary>
public sealed class RememberedKeysTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-keys-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string NewStore() => Path.Combine(folder, $"{Guid.NewGuid():N}.duckdb");

    /// <summary>Simulated traffic whose units and keys start with <paramref name="prefix"/> (seeds alone reuse unit ids).</summary>
    private static RecordingSink Simulate(int seed, string prefix, int units = 300)
    {
        var simulated = new RecordingSink();
        new SupportBotSimulator(TestEnvironment.ExampleBrief(), new SupportBotScenario { Units = units, Seed = seed }).Run(simulated);
        var sink = new RecordingSink();
        simulated.Exposures.ForEach(e => sink.Add(e with { UnitId = prefix + e.UnitId }));
        simulated.Events.ForEach(e => sink.Add(e with { UnitId = prefix + e.UnitId, IdempotencyKey = prefix + e.IdempotencyKey }));
        return sink;
    }

    private static (long Exposures, long Events) Load(EventStore store, IEnumerable<ExposureRecord> exposures, IEnumerable<OutcomeEvent> events)
    {
        using var loader = store.BeginLoad();
        foreach (var exposure in exposures)
        {
            loader.Add(exposure);
        }

        foreach (var outcome in events)
        {
            loader.Add(outcome);
        }

        return loader.Commit();
    }

    private static (int Exposures, int Events) Distinct(IEnumerable<RecordingSink> sinks) => (
        sinks.SelectMany(s => s.Exposures).Select(e => (e.Experiment, e.Version, e.UnitId, e.Arm, e.Timestamp)).Distinct().Count(),
        sinks.SelectMany(s => s.Events).Select(e => e.IdempotencyKey).Distinct().Count());

    [Fact]
    public void Commit_SameLoadRetried_AddsNothingTheSecondTime()
    {
        using var store = DuckDbEventStore.Open(NewStore()).RememberKeys();
        var traffic = Simulate(seed: 5, "a-");

        var first = Load(store, traffic.Exposures, traffic.Events);
        var retried = Load(store, traffic.Exposures, traffic.Events);

        var (exposures, events) = Distinct([traffic]);
        Assert.Equal((exposures, events), ((int)first.Exposures, (int)first.Events));
        Assert.Equal((0L, 0L), retried);
        Assert.Equal(events, store.Count("events"));
        Assert.Equal(exposures, store.Count("exposures"));
    }

    [Fact]
    public void Commit_RowsRepeatedInsideOneLoadAndAcrossLoads_StoresEachOnce()
    {
        using var store = DuckDbEventStore.Open(NewStore()).RememberKeys();
        var a = Simulate(seed: 6, "a-");
        var b = Simulate(seed: 7, "b-");

        Load(store, a.Exposures.Take(100), a.Events.Take(500));
        Load(store, [.. a.Exposures, .. a.Exposures.Take(50)], [.. a.Events.Skip(200), .. a.Events.Take(300)]);
        Load(store, b.Exposures, [.. b.Events, .. b.Events]);

        var (exposures, events) = Distinct([a, b]);
        Assert.Equal(events, store.Count("events"));
        Assert.Equal(exposures, store.Count("exposures"));
    }

    [Fact]
    public void Commit_AfterAnotherInstanceWroteTheFile_StillSkipsTheRowsItWrote()
    {
        var path = NewStore();
        using var remembering = DuckDbEventStore.Open(path).RememberKeys();
        using var other = DuckDbEventStore.Open(path);
        var a = Simulate(seed: 8, "a-");
        var b = Simulate(seed: 9, "b-");

        Load(remembering, a.Exposures, a.Events);
        Load(other, b.Exposures, b.Events);
        var again = Load(remembering, b.Exposures, b.Events);

        var (exposures, events) = Distinct([a, b]);
        Assert.Equal((0L, 0L), again);
        Assert.Equal(events, remembering.Count("events"));
        Assert.Equal(exposures, remembering.Count("exposures"));
    }

    [Fact]
    public void Commit_LoadRolledBack_LeavesTheRememberedKeysAsTheTable()
    {
        using var store = DuckDbEventStore.Open(NewStore()).RememberKeys();
        var traffic = Simulate(seed: 10, "a-");
        using (var abandoned = store.BeginLoad())
        {
            foreach (var outcome in traffic.Events)
            {
                abandoned.Add(outcome);
            }
        }

        var added = Load(store, traffic.Exposures, traffic.Events);

        var (exposures, events) = Distinct([traffic]);
        Assert.Equal((exposures, events), ((int)added.Exposures, (int)added.Events));
    }

    [Fact]
    public void HashSet64_RandomOperations_AgreesWithHashSet()
    {
        var random = new Random(1729);
        var set = new HashSet64();
        var reference = new HashSet<ulong>();
        for (var i = 0; i < 200_000; i++)
        {
            // Few distinct values with equal low bits (long probe runs), zero and one (zero is stored as one), and growth.
            var value = (ulong)random.Next(4) switch
            {
                0 => (ulong)random.Next(3),
                1 => (ulong)random.Next(5000) << 20,
                _ => (ulong)random.NextInt64(),
            };
            var stored = value == 0 ? 1 : value;
            if (random.Next(2) == 0)
            {
                Assert.Equal(reference.Add(stored), set.Add(value));
            }
            else
            {
                Assert.Equal(reference.Contains(stored), set.Contains(value));
            }
        }

        Assert.Equal(reference.Count, set.Count);
    }
}
