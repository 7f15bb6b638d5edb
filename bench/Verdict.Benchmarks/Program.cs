using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Verdict.Benchmarks -- --filter '*' [--job short]
// Arena as a plain timed run: dotnet run -c Release --project bench/Verdict.Benchmarks -- arena-timed [cases] [concurrency] [delay-ms]
if (args.Length > 0 && args[0] == "arena-timed")
{
    return await Verdict.Benchmarks.Arena.ArenaTimedRun.RunAsync(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Verdict.Benchmarks.Statistics.StatisticsBenchmarks).Assembly).Run(args);
return 0;
