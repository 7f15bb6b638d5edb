using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Storage;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The full analysis against its peer, an expert's single statement for the same outputs (issue 19), as a plain timed
/// run: per store size, one untimed warm-up round whose numbers are checked equal (<see cref="ExpertCheck"/>), then
/// rounds alternating the primary-only query, the expert's analysis and the full analysis in the same process.
/// Prints medians, full / expert (target ≤ 1.15), expert / primary-only, and the .NET share of each.
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- expert-timed [events[,events…]] [rounds]</c>, or
/// <c>expert-timed postgres:DATABASE [rounds]</c> for a PostgreSQL database on the server VERDICT_TEST_POSTGRES names, or
/// <c>expert-timed postgres:EVENTS [rounds]</c> for the benchmark's database of that size, loaded through Verdict when missing.
/// </summary>
public static class ExpertTimedRun
{
    public static int Run(string[] args)
    {
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var plan = ResolvedPlan.From(BenchmarkStore.Brief());
        if (args.Length > 1 && args[1].StartsWith("postgres:", StringComparison.Ordinal))
        {
            // A PostgreSQL database holding the same simulation (verdict simulate … --units 2252252 --seed 3), on the
            // server VERDICT_TEST_POSTGRES names.
            // postgres:EVENTS (a number) creates and fills the benchmark's own database for that size when it is missing.
            var server = Environment.GetEnvironmentVariable("VERDICT_TEST_POSTGRES") ?? throw new InvalidOperationException("set VERDICT_TEST_POSTGRES");
            var database = args[1]["postgres:".Length..];
            using var postgres = long.TryParse(database, CultureInfo.InvariantCulture, out var size)
                ? ClickHouse.BenchmarkStores.Postgres(plan.Brief, size)
                : Verdict.Storage.Postgres.PostgresEventStore.Open(new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database, CommandTimeout = 0 }.ConnectionString);
            return Measure(postgres, plan, rounds, $"PostgreSQL, database {database}") ? 0 : 1;
        }

        var sizes = (args.Length > 1 ? args[1] : "1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var failed = false;
        foreach (var events in sizes)
        {
            using var store = DuckDbEventStore.Open(BenchmarkStore.Ensure(events));
            failed |= !Measure(store, plan, rounds, $"DuckDB, {events:N0}-event store");
        }

        return failed ? 1 : 0;
    }

    /// <summary>Checks and times one store; false when the expert's numbers differ from the analysis's.</summary>
    public static bool Measure(EventStore store, ResolvedPlan plan, int rounds, string label)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(plan);
        var sql = ExpertAnalysis.Statement(store, plan.Brief);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: {store.Count("events"):N0} events, {store.Count("exposures"):N0} exposures; {Environment.ProcessorCount} cores"));

        // The warm-up round: each once, untimed, and the numbers compared.
        HandWrittenQuery.Run(store);
        var analysis = new SqlMetricSource(store).Load(plan, null);
        var (compared, differences) = ExpertCheck.Compare(analysis, ExpertAnalysis.Load(store, plan.Brief, sql));

        // What varies between two runs of the analysis itself: the last bits of sums a parallel engine adds in thread order.
        var (_, varying) = ExpertCheck.Compare(analysis, new SqlMetricSource(store).Load(plan, null), tolerance: 0);
        Console.WriteLine($"the analysis twice: {varying.Count} of {compared} numbers differ at all{(varying.Count > 0 ? ", e.g. " + varying[0].Replace("expert", "second run", StringComparison.Ordinal) : string.Empty)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check: {compared} numbers compared, {differences.Count} differ beyond {ExpertCheck.Tolerance:0e0} relative"));
        foreach (var difference in differences.Take(20))
        {
            Console.WriteLine("  " + difference);
        }

        var primary = new Timings();
        var expertSql = new Timings();
        var expertNet = new Timings();
        var fullSql = new Timings();
        var fullNet = new Timings();
        LaunchDecision decision = default;
        for (var i = 0; i < rounds; i++)
        {
            primary.Time(() => HandWrittenQuery.Run(store));
            var data = expertSql.Time(() => ExpertAnalysis.Load(store, plan.Brief, sql));
            expertNet.Time(() => LaunchAnalyzer.Analyze(plan, data));
            IMetricSource source = new SqlMetricSource(store);
            var loaded = fullSql.Time(() => source.LoadAsync(plan, null).GetAwaiter().GetResult());
            decision = fullNet.Time(() => LaunchAnalyzer.Analyze(plan, loaded)).Decision;
        }

        var expert = expertSql + expertNet;
        var full = fullSql + fullNet;
        Console.WriteLine($"primary-only query:    {primary}");
        Console.WriteLine($"expert SQL + analysis: {expert}; .NET {expertNet.Wall:N1} ms");
        Console.WriteLine($"full analysis ({decision}): {full}; .NET {fullNet.Wall:N1} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full / expert: {full.Wall / expert.Wall:0.00} wall, {full.Cpu / expert.Cpu:0.00} CPU (target ≤ 1.15); expert / primary-only: {expert.Wall / primary.Wall:0.00} wall, {expert.Cpu / primary.Cpu:0.00} CPU; .NET share of the full analysis: {fullNet.Wall / full.Wall:P1}"));
        return differences.Count == 0;
    }
}
