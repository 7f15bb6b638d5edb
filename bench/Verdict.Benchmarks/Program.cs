using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Verdict.Benchmarks -- --filter '*' [--job short]
BenchmarkSwitcher.FromAssembly(typeof(Verdict.Benchmarks.Statistics.StatisticsBenchmarks).Assembly).Run(args);
