using System.Buffers;
using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Interleaving;

/// <summary>
/// The function a ranking service calls (docs/interleaving.md): (unit id, query id, ranking A, ranking B) → the
/// interleaved list with team labels. The coins are the 64-bit assignment hash of
/// <c>salt + ":" + unitId + ":" + queryId</c> (docs/assignment.md, "The hash"), so the same unit, query and salt always
/// get the same list, on any machine and in any language. Immutable and thread-safe; allocates nothing per call for
/// ids up to about 100 characters.
/// </summary>
public sealed class InterleavingAssigner
{
    private const int StackChars = 256;
    private readonly byte[] saltPrefix;

    /// <summary>Creates an assigner for one experiment's salt (for example <c>"search-ranker:v1"</c>).</summary>
    public InterleavingAssigner(string salt, InterleavingMethod method = InterleavingMethod.TeamDraft)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        saltPrefix = AssignmentHash.SaltPrefix(salt);
        Salt = salt;
        Method = method;
    }

    /// <summary>The experiment's salt.</summary>
    public string Salt { get; }

    /// <summary>Team draft (default) or balanced.</summary>
    public InterleavingMethod Method { get; }

    /// <summary>The 64 coin bits of one (unit, query): the assignment hash of <c>unitId + ":" + queryId</c> under the salt.</summary>
    public ulong Coins(ReadOnlySpan<char> unitId, ReadOnlySpan<char> queryId)
    {
        if (unitId.IsEmpty || queryId.IsEmpty)
        {
            throw new ArgumentException("The unit id and query id must not be empty.", unitId.IsEmpty ? nameof(unitId) : nameof(queryId));
        }

        var length = unitId.Length + 1 + queryId.Length;
        char[]? rented = null;
        var buffer = length <= StackChars ? stackalloc char[StackChars] : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            unitId.CopyTo(buffer);
            buffer[unitId.Length] = ':';
            queryId.CopyTo(buffer[(unitId.Length + 1)..]);
            return AssignmentHash.Hash64(saltPrefix, buffer[..length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Interleaves the two rankings into <paramref name="destination"/>; returns the number of items placed.</summary>
    public int Interleave(ReadOnlySpan<char> unitId, ReadOnlySpan<char> queryId, ReadOnlySpan<string> a, ReadOnlySpan<string> b, Span<InterleavedItem> destination)
    {
        var coins = Coins(unitId, queryId);
        return Method == InterleavingMethod.TeamDraft
            ? TeamDraftInterleaving.Interleave(a, b, coins, destination)
            : BalancedInterleaving.Interleave(a, b, (coins >> 63) == 0, destination);
    }

    /// <summary>Convenience overload that allocates the list: at most <paramref name="length"/> items.</summary>
    public IReadOnlyList<InterleavedItem> Interleave(string unitId, string queryId, IReadOnlyList<string> a, IReadOnlyList<string> b, int length)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        var items = new InterleavedItem[length];
        var written = Interleave(unitId, queryId, a.ToArray(), b.ToArray(), items);
        return items[..written];
    }
}
