using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments.Events;
using Verdict.Experiments.Simulation;
using Verdict.Storage.ClickHouse;
using Verdict.Storage.ClickHouse.Http;

namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// Loading the same rows into the two-shard cluster two ways, side by side in one run: Verdict's load
/// (<see cref="ClickHouseEventStore.BeginLoad"/>: RowBinary to session staging tables, the new-key check with GLOBAL IN,
/// one row per key, a synchronous Distributed insert) and the raw floor: the same rows as RowBinary POSTed straight to
/// the Distributed tables (<c>INSERT INTO … FORMAT RowBinary</c> over HTTP, batches of 50 000, no deduplication). The
/// rows are simulated once beforehand (seed 3), so neither time includes the simulator; both tables are truncated on
/// every shard before each iteration.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class ClickHouseLoadBenchmarks
{
    private const string Database = "verdict_bench_load";
    private const int BatchSize = 50_000;
    private readonly List<ExposureRecord> exposures = [];
    private readonly List<OutcomeEvent> events = [];
    private ClickHouseEventStore store = null!;

    /// <summary>Events to load (the simulator's units are this over 4.44).</summary>
    [Params(1_000_000)]
    public long Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var brief = BenchmarkStore.Brief();
        var units = (long)(Events / BenchmarkStore.EventsPerUnit);
        new SupportBotSimulator(brief, new SupportBotScenario { Units = units, Seed = 3 }).Run(new Collector(exposures, events));
        store = BenchmarkStores.OpenClickHouse(Database);
        Console.WriteLine($"// {events.Count:N0} events and {exposures.Count:N0} exposures per load");
    }

    [IterationSetup]
    public void Truncate()
    {
        foreach (var endpoint in store.Address.Endpoints)
        {
            using var shard = new ClickHouseHttpClient(endpoint, Database, store.Address.User, store.Address.Password, null);
            shard.Execute("TRUNCATE TABLE exposures_local");
            shard.Execute("TRUNCATE TABLE events_local");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => store.Dispose();

    [Benchmark(Baseline = true)]
    public long RawHttpInsertRowBinary()
    {
        using var client = new ClickHouseHttpClient(store.Address.Endpoints[0], Database, store.Address.User, store.Address.Password, null);
        var rows = new RowBinaryWriter();
        foreach (var chunk in exposures.Chunk(BatchSize))
        {
            Array.ForEach(chunk, e => ClickHouseEventLoader.Encode(rows, e));
            client.InsertRowBinary("exposures", ClickHouseEventLoader.ExposureColumns, rows.Buffer, rows.Length);
            rows.Clear();
        }

        foreach (var chunk in events.Chunk(BatchSize))
        {
            Array.ForEach(chunk, e => ClickHouseEventLoader.Encode(rows, e));
            client.InsertRowBinary("events", ClickHouseEventLoader.EventColumns, rows.Buffer, rows.Length);
            rows.Clear();
        }

        return exposures.Count + events.Count;
    }

    [Benchmark]
    public long VerdictLoad()
    {
        using var loader = store.BeginLoad();
        exposures.ForEach(loader.Add);
        events.ForEach(loader.Add);
        var result = loader.Commit();
        return result.Events;
    }

    /// <summary>Keeps the simulated rows.</summary>
    private sealed class Collector(List<ExposureRecord> exposures, List<OutcomeEvent> events) : IEventSink
    {
        public void Add(ExposureRecord exposure) => exposures.Add(exposure);

        public void Add(OutcomeEvent outcome) => events.Add(outcome);
    }
}
