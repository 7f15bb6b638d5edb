using System.Diagnostics;
using System.Globalization;

namespace Verdict.Benchmarks.Arena;

/// <summary>
/// The arena benchmark as a plain timed run with the figures bench/README.md reports: cold-run time against the ideal
/// bound (calls × delay / concurrency) and the warm re-run's time and call count.
/// Run: <c>dotnet run -c Release --project bench/Verdict.Benchmarks -- arena-timed [cases] [concurrency] [delay-ms]</c>.
/// </summary>
public static class ArenaTimedRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var cases = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var concurrency = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 32;
        var delay = TimeSpan.FromMilliseconds(args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 50);
        await using var load = await ArenaLoad.StartAsync(cases, delay).ConfigureAwait(false);
        var cache = Path.Combine(load.Directory, "cache");

        // Warm-up on a throwaway cache so the timed run measures throughput, not JIT (BenchmarkDotNet warms up too).
        await using (var warmUp = await ArenaLoad.StartAsync(concurrency * 2, delay).ConfigureAwait(false))
        {
            await warmUp.RunAsync(Path.Combine(warmUp.Directory, "cache"), concurrency).ConfigureAwait(false);
            await warmUp.RunAsync(Path.Combine(warmUp.Directory, "cache"), concurrency).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var cold = await load.RunAsync(cache, concurrency).ConfigureAwait(false);
        var coldTime = clock.Elapsed;
        var callsAfterCold = load.Server.ChatCalls;
        clock.Restart();
        var warm = await load.RunAsync(cache, concurrency).ConfigureAwait(false);
        var warmTime = clock.Elapsed;

        var ideal = load.IdealBound(delay, concurrency);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases {cases}, concurrency {concurrency}, server delay {delay.TotalMilliseconds} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cold: {callsAfterCold} calls ({cold.Calls.Errors} errors) in {coldTime.TotalSeconds:0.000} s; ideal {ideal.TotalSeconds:0.000} s; ratio {coldTime / ideal:0.000} (target ≤ 1.15)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm: {load.Server.ChatCalls - callsAfterCold} calls, {warm.Calls.CacheHits} cache hits in {warmTime.TotalSeconds:0.000} s (target < 2 s)"));
        var passed = coldTime / ideal <= 1.15 && warmTime < TimeSpan.FromSeconds(2) && load.Server.ChatCalls == callsAfterCold;
        var analysis = Stopwatch.StartNew();
        Verdict.Arena.Analysis.ArenaAnalyzer.Analyze(warm.Run);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"of which statistics (analysis of 1 000 cases, 10 000 bootstrap resamples per axis): {analysis.Elapsed.TotalSeconds:0.000} s"));
        Console.WriteLine(passed ? "targets met" : "targets NOT met");
        return passed ? 0 : 1;
    }
}
