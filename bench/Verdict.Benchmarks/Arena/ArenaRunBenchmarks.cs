using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Verdict.Benchmarks.Arena;

/// <summary>
/// 1 000 cases × 2 variants with the rubric and pairwise judges at concurrency 32 against a loopback server that
/// answers after 50 ms: a cold run (empty cache) and a re-run with a warm cache. One invocation each; the run is
/// dominated by the server's delay, so the figure to read is the ratio to calls × 50 ms / 32 (bench/README.md).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(ArenaRunBenchmarks.SingleInvocation))]
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
    public Task<Verdict.Arena.Analysis.ArenaResult> ColdCache() => load.RunAsync(coldCache, Concurrency);

    [Benchmark(Description = "warm cache: 0 calls")]
    public Task<Verdict.Arena.Analysis.ArenaResult> WarmCache() => load.RunAsync(warmCache, Concurrency);

    [GlobalCleanup]
    public void Cleanup() => load.DisposeAsync().AsTask().GetAwaiter().GetResult();

    /// <summary>In process (the loopback server lives here), one invocation per iteration, one warm-up, three iterations.</summary>
    private sealed class SingleInvocation : ManualConfig
    {
        public SingleInvocation() => AddJob(Job.Default
            .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromMinutes(10), logOutput: false))
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
