using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Verdict.Benchmarks -- --filter '*Assignment*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

/// <summary>The benchmark entry point.</summary>
public partial class Program;
