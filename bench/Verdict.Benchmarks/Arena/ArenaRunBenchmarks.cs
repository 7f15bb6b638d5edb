using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Verdict.Benchmarks.Arena;

/// <summary>
/// 1 000 cases × 2 variants with the rubric and pairwise judges at concurrency 32 against a loopback server that
/// answers after 50 ms: a cold run (empty cache) and a re-run with a warm cache. One invocation each; the run is
/// dominated by the server's delay, so the figure to read is the ratio to calls × 50 ms / 32 (bench/README.md).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 1, invocationCount: 1)]
public class ArenaRunBenchmarks
{
    private const int Concurrency = 32;
    private ArenaLoad load = null!;
    private string warmCache = null!;
    private string coldCache = null!;

    [GlobalSetup]
    public void Setup()
    {
        load = ArenaLoad.StartAsync(1000, TimeSpan.FromMilliseconds(50)).GetAwaiter().GetResult();
        warmCache = Path.Combine(load.Directory, "warm");
        load.RunAsync(warmCache, Concurrency).GetAwaiter().GetResult();
    }

    [IterationSetup(Target = nameof(ColdCache))]
    public void NewCache() => coldCache = Path.Combine(load.Directory, "cold-" + Guid.NewGuid().ToString("N"));

    [Benchmark(Baseline = true, Description = "cold cache: 6 000 calls at 50 ms, concurrency 32")]
    public Task<Verdict.Arena.ArenaResult> ColdCache() => load.RunAsync(coldCache, Concurrency);

    [Benchmark(Description = "warm cache: 0 calls")]
    public Task<Verdict.Arena.ArenaResult> WarmCache() => load.RunAsync(warmCache, Concurrency);

    [GlobalCleanup]
    public void Cleanup() => load.DisposeAsync().AsTask().GetAwaiter().GetResult();
}
