using System.Diagnostics;
using System.Globalization;
using Verdict.Benchmarks.Analysis;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;

namespace Verdict.Benchmarks.Monitoring;

/// <summary>
/// The issue's monitor benchmark as a plain timed run: N running experiments × 5 guardrails over one store of E events.
/// The analysis benchmark's store (one experiment) is copied once and its units are split among N experiment keys by
/// a hash of the unit id, so the N experiments share the E events as live experiments share one events table. A pass
/// judges each experiment's last complete 1-day window (one window query per experiment, the rule per guardrail), as the
/// server's monitor does; it is timed beside the full analysis of the same N experiments. Prints wall time, the managed
/// bytes allocated and the process's peak working set (DuckDB's native memory included).
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- monitor-timed [events] [experiments] [rounds]</c>.
/// </summary>
public static class MonitorTimedRun
{
    private static readonly DateTimeOffset LastDay = new(2026, 5, 17, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args)
    {
        var events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var count = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20;
        var rounds = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 1;
        var plain = BenchmarkStore.Brief();
        var briefs = Enumerable.Range(0, count).Select(i => plain with
        {
            Key = $"{plain.Key}-{i}",
            Guardrails = [.. plain.Guardrails.Select(g => g with { Monitor = new GuardrailMonitor(TimeSpan.FromDays(1), null, 100, 2, MonitorAction.Pause, null) })],
        }).ToList();
        using var store = DuckDbEventStore.Open(Split(BenchmarkStore.Ensure(events), plain.Key, count));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store.Count("events"):N0} events, {store.Count("exposures"):N0} exposures in {count} experiments × {briefs[0].Guardrails.Count} monitored guardrails; {Environment.ProcessorCount} cores"));

        // Untimed warm-up: one experiment's pass and analysis load the engine's caches.
        Pass(store, briefs.Take(1));
        Analysis(store, briefs.Take(1));
        for (var round = 0; round < rounds; round++)
        {
            var (passMs, passBytes, breaches) = Measure(() => Pass(store, briefs));
            var passPeak = Process.GetCurrentProcess().PeakWorkingSet64;
            var (fullMs, fullBytes, ships) = Measure(() => Analysis(store, briefs));
            var fullPeak = Process.GetCurrentProcess().PeakWorkingSet64;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round + 1}: monitor pass {passMs / 1000:0.00} s ({passBytes / 1e6:0.0} MB allocated, {breaches} breached windows, peak working set {passPeak / 1e6:0} MB); full analysis {fullMs / 1000:0.00} s ({fullBytes / 1e6:0.0} MB allocated, {ships} SHIP, peak working set {fullPeak / 1e6:0} MB); ratio {passMs / fullMs:0.00}"));
        }

        return 0;
    }

    private static int Pass(EventStore store, IEnumerable<ExperimentBrief> briefs)
    {
        var source = new SqlMetricSource(store);
        return briefs.Sum(b => new MonitorLedger(b, LastDay).Advance(source, LastDay.AddDays(1)).Count(s => s.Window.Outcome == WindowOutcome.Breach));
    }

    private static int Analysis(EventStore store, IEnumerable<ExperimentBrief> briefs)
    {
        var source = new SqlMetricSource(store);
        return briefs.Count(b => LaunchAnalyzer.Analyze(b, source.Load(b, null)).Decision == LaunchDecision.Ship);
    }

    private static (double Ms, long Bytes, int Result) Measure(Func<int> run)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var result = run();
        var ms = clock.Elapsed.TotalMilliseconds;
        return (ms, GC.GetTotalAllocatedBytes(precise: true) - before, result);
    }

    /// <summary>A copy of <paramref name="path"/> whose units are split among <paramref name="count"/> experiment keys, made once.</summary>
    private static string Split(string path, string key, int count)
    {
        var split = path.Replace(".duckdb", $"-x{count}.duckdb", StringComparison.Ordinal);
        if (File.Exists(split))
        {
            return split;
        }

        var building = split + ".building";
        File.Copy(path, building, overwrite: true);
        using (var store = DuckDbEventStore.Open(building))
        {
            var p = new SqlParameters(store.Dialect);
            store.Execute($"UPDATE exposures SET experiment = experiment || '-' || CAST(hash(unit_id) % {p.Add(count)} AS VARCHAR) WHERE experiment = {p.Add(key)}", p.Values);
        }

        File.Move(building, split);
        return split;
    }
}
