namespace Verdict.Assignment.Interleaving;

/// <summary>
/// Which item ids are already in the interleaved list: an open-addressing table of positions over a caller's stack
/// buffer, so the merges allocate nothing. Ids compare ordinally.
/// </summary>
internal ref struct SeenItems
{
    private readonly Span<int> slots;
    private readonly ReadOnlySpan<InterleavedItem> list;

    /// <summary><paramref name="slots"/> must be zeroed, with a power-of-two length at least twice the list's capacity.</summary>
    public SeenItems(Span<int> slots, ReadOnlySpan<InterleavedItem> list)
    {
        this.slots = slots;
        this.list = list;
    }

    /// <summary>The table size for a list of <paramref name="capacity"/> items.</summary>
    public static int SlotsFor(int capacity) => (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, capacity * 2));

    public readonly bool Contains(string item)
    {
        var mask = slots.Length - 1;
        for (var i = Hash(item) & mask; slots[i] != 0; i = (i + 1) & mask)
        {
            if (string.Equals(list[slots[i] - 1].Item, item, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Records that the list's item at <paramref name="position"/> is present.</summary>
    public readonly void Add(int position)
    {
        var mask = slots.Length - 1;
        var i = Hash(list[position].Item) & mask;
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = position + 1;
    }

    private static int Hash(string item) => item.GetHashCode(StringComparison.Ordinal) & int.MaxValue;
}
