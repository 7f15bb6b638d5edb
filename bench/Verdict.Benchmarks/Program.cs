using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Verdict.Benchmarks -- --filter '*' [--job short]
// Analysis as a plain timed run: -- analysis-timed [events] [rounds]; build a store only: -- analysis-store [events]
// Arena as a plain timed run: dotnet run -c Release --project bench/Verdict.Benchmarks -- arena-timed [cases] [concurrency] [delay-ms]
if (args.Length > 0 && args[0] == "arena-timed")
{
    return await Verdict.Benchmarks.Arena.ArenaTimedRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "online-timed")
{
    // online-timed ingest [seconds] [batch] [clients] | online-timed latency|latency-hey|latency-wrk [seconds] [rate]
    return await Verdict.Benchmarks.Online.OnlineTimedRun.RunAsync(args);
}

if (args.Length > 0 && args[0] == "analysis-timed")
{
    return Verdict.Benchmarks.Analysis.AnalysisTimedRun.Run(args);
}

if (args.Length > 0 && args[0] == "monitor-timed")
{
    // monitor-timed [events] [experiments] [rounds]: one monitor pass over N experiments beside their full analysis.
    return Verdict.Benchmarks.Monitoring.MonitorTimedRun.Run(args);
}

if (args.Length > 0 && args[0] == "clickhouse-timed")
{
    return Verdict.Benchmarks.ClickHouse.ClickHouseTimedRun.Run(args);
}

if (args.Length > 0 && args[0] == "expert-timed")
{
    // expert-timed [events[,events…]] [rounds]: the full analysis beside an expert's single statement for the same outputs.
    return Verdict.Benchmarks.Analysis.ExpertTimedRun.Run(args);
}

if (args.Length > 0 && args[0] == "analysis-store")
{
    return Verdict.Benchmarks.Analysis.AnalysisTimedRun.BuildStore(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Verdict.Benchmarks.Statistics.StatisticsBenchmarks).Assembly).Run(args);
return 0;
