using BenchmarkDotNet.Attributes;
using Verdict.Assignment.Interleaving;

namespace Verdict.Benchmarks.Interleaving;

/// <summary>
/// Interleaving two 50-item rankings that share half their items into a 50-item list: team draft with fixed coins,
/// the full call a ranking service makes (hash of unit and query, then team draft), balanced, and crediting 3 clicks.
/// </summary>
[MemoryDiagnoser]
public class InterleavingBenchmarks
{
    private readonly string[] a = Enumerable.Range(0, 50).Select(i => $"doc-{i * 2:D4}").ToArray();
    private readonly string[] b = Enumerable.Range(0, 50).Select(i => $"doc-{(i % 2 == 0 ? i * 2 : (i * 2) + 101):D4}").ToArray();
    private readonly InterleavedItem[] destination = new InterleavedItem[50];
    private readonly InterleavingAssigner assigner = new("search-ranker:v1");
    private readonly int[] clicks = [0, 3, 17];

    [GlobalSetup]
    public void Setup() => TeamDraft();

    [Benchmark(Baseline = true, Description = "team draft (coins given)")]
    public int TeamDraft() => TeamDraftInterleaving.Interleave(a, b, 0xA5A5_5A5A_F0F0_0F0FUL, destination);

    [Benchmark(Description = "InterleavingAssigner (hash + team draft)")]
    public int Assigner() => assigner.Interleave("user-000042", "query-7f3a9c", a, b, destination);

    [Benchmark(Description = "balanced")]
    public int Balanced() => BalancedInterleaving.Interleave(a, b, aFirst: true, destination);

    [Benchmark(Description = "team-draft credit, 3 clicks")]
    public (int A, int B) Credit() => InterleavingCredit.TeamDraft(destination, clicks);
}
