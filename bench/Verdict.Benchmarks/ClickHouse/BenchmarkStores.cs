using System.Diagnostics;
using System.Globalization;
using Npgsql;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Simulation;
using Verdict.Storage;
using Verdict.Storage.ClickHouse;
using Verdict.Storage.Postgres;

namespace Verdict.Benchmarks.ClickHouse;

/// <summary>
/// The ClickHouse and PostgreSQL stores of the scale-out benchmarks, each holding the same simulated events as
/// <see cref="Analysis.BenchmarkStore"/>'s DuckDB file (seed 3), loaded through Verdict's own loaders once per size into
/// a database named after the size and kept for later runs. Clusters and servers come from VERDICT_BENCH_CLICKHOUSE /
/// VERDICT_BENCH_POSTGRES, else the test variables; every address is loopback in this repository's scripts.
/// </summary>
internal static class BenchmarkStores
{
    /// <summary>Units simulated per load.</summary>
    private const long UnitsPerLoad = 250_000;

    /// <summary>The database holding about <paramref name="events"/> events: verdict_bench for 10 M (as before), verdict_bench_{n} otherwise.</summary>
    public static string DatabaseName(long events) =>
        events == 10_000_000 ? "verdict_bench" : "verdict_bench_" + events.ToString(CultureInfo.InvariantCulture);

    /// <summary>The cluster URI from the environment.</summary>
    public static ClickHouseAddress Cluster() => ClickHouseAddress.Parse(
        Environment.GetEnvironmentVariable("VERDICT_BENCH_CLICKHOUSE") ?? Environment.GetEnvironmentVariable("VERDICT_TEST_CLICKHOUSE")
        ?? throw new InvalidOperationException("set VERDICT_BENCH_CLICKHOUSE (start a cluster with tests/clickhouse/start.sh)"));

    /// <summary>A store on the same cluster (and memory limit) in database <paramref name="database"/>; credentials are not carried over.</summary>
    public static ClickHouseEventStore OpenClickHouse(string database)
    {
        var address = Cluster();
        return ClickHouseEventStore.Open((address with { Database = database }).ToString());
    }

    /// <summary>The ClickHouse store of <paramref name="events"/> events, loaded through Verdict when empty.</summary>
    public static ClickHouseEventStore ClickHouse(ExperimentBrief brief, long events)
    {
        var store = OpenClickHouse(DatabaseName(events));
        Fill(store, brief, events, "ClickHouse");
        return store;
    }

    /// <summary>The PostgreSQL store of <paramref name="events"/> events (its own database, created when missing), loaded through Verdict when empty.</summary>
    public static EventStore Postgres(ExperimentBrief brief, long events)
    {
        var admin = Environment.GetEnvironmentVariable("VERDICT_BENCH_POSTGRES") ?? Environment.GetEnvironmentVariable("VERDICT_TEST_POSTGRES")
            ?? throw new InvalidOperationException("set VERDICT_BENCH_POSTGRES to a PostgreSQL connection string");
        var name = DatabaseName(events);
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @n", connection);
            exists.Parameters.AddWithValue("n", name);
            if (Convert.ToInt64(exists.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                create.ExecuteNonQuery();
            }
        }

        var store = PostgresEventStore.Open(new NpgsqlConnectionStringBuilder(admin) { Database = name, CommandTimeout = 0 }.ConnectionString);
        Fill(store, brief, events, "PostgreSQL");
        return store;
    }

    private static void Fill(EventStore store, ExperimentBrief brief, long events, string engine)
    {
        if (store.Count("events") > 0)
        {
            return;
        }

        var units = (long)(events / Analysis.BenchmarkStore.EventsPerUnit);
        var simulator = new SupportBotSimulator(brief, new SupportBotScenario { Units = units, Seed = 3 });
        var watch = Stopwatch.StartNew();
        for (long first = 1; first <= units; first += UnitsPerLoad)
        {
            using var loader = store.BeginLoad();
            simulator.Run(loader, first, Math.Min(units, first + UnitsPerLoad - 1));
            loader.Commit();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"// {engine} load: {store.Count("events"):N0} events, {store.Count("exposures"):N0} exposures in {watch.Elapsed.TotalSeconds:0.0} s through Verdict's loader"));
    }
}
