using System.Diagnostics;
using System.Globalization;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Storage;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The full analysis against its peer, an expert's single statement for the same outputs (issue 19), as a plain timed
/// run: per store size, one untimed warm-up round whose numbers are checked equal (<see cref="ExpertCheck"/>), then
/// rounds alternating the primary-only query, the expert's analysis and the full analysis in the same process.
/// Prints medians, full / expert (target ≤ 1.15), expert / primary-only, and the .NET share of each.
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- expert-timed [events[,events…]] [rounds]</c>.
/// </summary>
public static class ExpertTimedRun
{
    public static int Run(string[] args)
    {
        var sizes = (args.Length > 1 ? args[1] : "1000000,10000000").Split(',').Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToList();
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var plan = ResolvedPlan.From(BenchmarkStore.Brief());
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
        var expert = ExpertAnalysis.Load(store, plan.Brief, sql);
        var analysis = new SqlMetricSource(store).Load(plan, null);
        var (compared, differences) = ExpertCheck.Compare(analysis, expert);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"check: {compared} numbers compared, {differences.Count} differ beyond {ExpertCheck.Tolerance:0e0} relative"));
        foreach (var difference in differences.Take(20))
        {
            Console.WriteLine("  " + difference);
        }

        var primary = new List<double>();
        var expertSql = new List<double>();
        var expertNet = new List<double>();
        var fullSql = new List<double>();
        var fullNet = new List<double>();
        LaunchDecision decision = default;
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            HandWrittenQuery.Run(store);
            primary.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            var data = ExpertAnalysis.Load(store, plan.Brief, sql);
            expertSql.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            LaunchAnalyzer.Analyze(plan, data);
            expertNet.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            IMetricSource source = new SqlMetricSource(store);
            var loaded = source.LoadAsync(plan, null).GetAwaiter().GetResult();
            fullSql.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            decision = LaunchAnalyzer.Analyze(plan, loaded).Decision;
            fullNet.Add(clock.Elapsed.TotalMilliseconds);
        }

        var expertTotal = expertSql.Zip(expertNet, (a, b) => a + b).ToList();
        var fullTotal = fullSql.Zip(fullNet, (a, b) => a + b).ToList();
        double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
        string Times(List<double> values) => string.Create(CultureInfo.InvariantCulture, $"median {Median(values):N0} ms (best {values.Min():N0}, worst {values.Max():N0})");
        Console.WriteLine($"primary-only query:    {Times(primary)}");
        Console.WriteLine($"expert SQL + analysis: {Times(expertTotal)}; .NET {Median(expertNet):N1} ms");
        Console.WriteLine($"full analysis ({decision}): {Times(fullTotal)}; .NET {Median(fullNet):N1} ms");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full / expert: {Median(fullTotal) / Median(expertTotal):0.00} (target ≤ 1.15); expert / primary-only: {Median(expertTotal) / Median(primary):0.00}; .NET share of the full analysis: {Median(fullNet) / Median(fullTotal):P1}"));
        return differences.Count == 0;
    }
}
