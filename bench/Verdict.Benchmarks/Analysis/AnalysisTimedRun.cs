using System.Diagnostics;
using System.Globalization;
using Verdict.Storage.DuckDb;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// The analysis benchmark as a plain timed run, for sizes where BenchmarkDotNet's iterations take too long (100 M
/// events): the hand-written primary query and the full analysis alternate on the same store, and the best and median
/// of each are printed with their ratio.
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- analysis-timed [events] [rounds]</c>;
/// <c>analysis-store [events]</c> only builds the store.
/// </summary>
public static class AnalysisTimedRun
{
    public static int BuildStore(string[] args)
    {
        var events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var clock = Stopwatch.StartNew();
        var path = BenchmarkStore.Ensure(events, (done, total) =>
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{done:N0} of {total:N0} units loaded ({clock.Elapsed.TotalSeconds:0} s)")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {new FileInfo(path).Length / 1e9:0.00} GB"));
        return 0;
    }

    public static int Run(string[] args)
    {
        var events = args.Length > 1 ? long.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
        var brief = BenchmarkStore.Brief();
        using var store = DuckDbEventStore.Open(BenchmarkStore.Ensure(events));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{store.Count("events"):N0} events, {store.Count("exposures"):N0} exposures; {Environment.ProcessorCount} cores"));

        // One untimed round warms the engine's caches for both, as BenchmarkDotNet's warm-up would.
        HandWrittenQuery.Run(store);
        HandWrittenQuery.RunFloor(store);
        var decision = FullAnalysis.Run(store, brief).Decision;
        var hand = new List<double>();
        var full = new List<double>();
        var floor = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            HandWrittenQuery.Run(store);
            hand.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            HandWrittenQuery.RunFloor(store);
            floor.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            FullAnalysis.Run(store, brief);
            full.Add(clock.Elapsed.TotalMilliseconds);
        }

        hand.Sort();
        full.Sort();
        floor.Sort();
        var median = rounds / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"hand-written primary query: best {hand[0]:N0} ms, median {hand[median]:N0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all metric events joined, nothing computed: best {floor[0]:N0} ms, median {floor[median]:N0} ms (ratio {floor[median] / hand[median]:0.00})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full analysis ({decision}): best {full[0]:N0} ms, median {full[median]:N0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio (median): {full[median] / hand[median]:0.00} (the target is against an expert's SQL: expert-timed)"));
        return 0;
    }
}
