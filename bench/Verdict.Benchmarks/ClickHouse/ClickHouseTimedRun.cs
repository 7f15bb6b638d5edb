using System.Diagnostics;
using System.Globalization;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments.Analysis;
using Verdict.Storage;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// The scale-out benchmark as a plain timed run, for sizes where BenchmarkDotNet's iterations take too long (100 M
/// events): the cluster's store is built once through Verdict's loader (<see cref="BenchmarkStores"/>), then per round
/// the hand-written primary query and the full analysis on the cluster, and with <c>duckdb</c> / <c>postgres</c> the same
/// analysis on those engines (their stores are built first when missing), each timed once per round.
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- clickhouse-timed [events] [rounds] [duckdb] [postgres]</c>.
/// </summary>
public static class ClickHouseTimedRun
{
    public static int Run(string[] args)
    {
        var events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1;
        var brief = BenchmarkStore.Brief();
        var clock = Stopwatch.StartNew();
        using var clickHouse = BenchmarkStores.ClickHouse(brief, events);
        Log($"cluster store ready: {clickHouse.Count("events"):N0} events, {clickHouse.Count("exposures"):N0} exposures ({clock.Elapsed.TotalSeconds:0} s)");
        var others = new List<(string Name, EventStore Store)>();
        if (args.Contains("duckdb"))
        {
            others.Add(("DuckDB, full analysis (1 node)", DuckDbEventStore.Open(BenchmarkStore.Ensure(events))));
            Log($"DuckDB store ready ({clock.Elapsed.TotalSeconds:0} s)");
        }

        if (args.Contains("postgres"))
        {
            others.Add(("PostgreSQL, full analysis (1 node)", BenchmarkStores.Postgres(brief, events)));
            Log($"PostgreSQL store ready ({clock.Elapsed.TotalSeconds:0} s)");
        }

        var runs = new List<(string Name, Func<object> Run)>
        {
            ("ClickHouse, hand-written primary query (2 shards)", () => HandWritten(clickHouse)),
            ("ClickHouse, hand-written primary query, per-unit groups final on the shards", () => HandWritten(clickHouse, perUnitOnShards: true)),
            ("ClickHouse, full analysis (2 shards)", () => LaunchAnalyzer.Analyze(brief, new SqlMetricSource(clickHouse).Load(brief, null)).Decision),
        };
        runs.AddRange(others.Select(o => (o.Name, (Func<object>)(() => LaunchAnalyzer.Analyze(brief, new SqlMetricSource(o.Store).Load(brief, null)).Decision))));
        var times = runs.ToDictionary(r => r.Name, _ => new List<double>());
        for (var round = 0; round < rounds; round++)
        {
            foreach (var (name, run) in runs)
            {
                var watch = Stopwatch.StartNew();
                var result = run();
                times[name].Add(watch.Elapsed.TotalSeconds);
                Log($"round {round + 1}: {name}: {watch.Elapsed.TotalSeconds:0.0} s ({result})");
            }
        }

        var baseline = times[runs[0].Name].Order().ElementAt(rounds / 2);
        foreach (var (name, _) in runs)
        {
            var median = times[name].Order().ElementAt(rounds / 2);
            Log($"{name}: median {median:0.0} s, best {times[name].Min():0.0} s, ratio {median / baseline:0.00}");
        }

        others.ForEach(o => o.Store.Dispose());
        return 0;
    }

    /// <summary>Runs the hand-written primary query and returns the units it counted.</summary>
    internal static long HandWritten(Verdict.Storage.ClickHouse.ClickHouseEventStore store, bool perUnitOnShards = false)
    {
        var database = store.Address.Database;
        using var reader = store.Query(perUnitOnShards ? ClickHouseHandWrittenQuery.SqlPerUnitOnShards(database) : ClickHouseHandWrittenQuery.Sql(database), []);
        long units = 0;
        while (reader.Read())
        {
            units += reader.GetInt64(1);
        }

        return units;
    }

    private static void Log(string line) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:HH:mm:ss} {line}"));
}
