using Verdict.Testing;

namespace Verdict.Assignment.Tests.Interleaving;

/// <summary>Seed 001's printed team draft: the two rankings, the length, the mixed list and each team's items.</summary>
public sealed record SeedDraft(IReadOnlyList<string> A, IReadOnlyList<string> B, int K, IReadOnlyList<string> Mixed, IReadOnlyList<string> FromA, IReadOnlyList<string> FromB);

/// <summary>One pinned interleaving: the assigner's inputs, its coins, the list shown with its teams, the clicks and the credit.</summary>
public sealed record InterleavingVector(
    string Method, string Salt, string Unit, string Query, IReadOnlyList<string> A, IReadOnlyList<string> B, int K, string Coins,
    IReadOnlyList<string> Items, IReadOnlyList<string> Teams, IReadOnlyList<int> Clicks, int CreditA, int CreditB);

/// <summary>The parts of tests/reference/interleaving/interleaving.json (generate.py) the assignment tests read, read once.</summary>
public sealed record InterleavingReference(SeedDraft Seed001, IReadOnlyList<InterleavingVector> Vectors)
{
    /// <summary>The file.</summary>
    public static InterleavingReference Value { get; } = ReferenceJson.Read<InterleavingReference>("interleaving", "interleaving.json");
}
