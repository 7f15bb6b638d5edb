namespace Verdict.Storage.DuckDb;

/// <summary>
/// A set of 64-bit hashes with open addressing and linear probing: 8 bytes a slot, at most 70 % full, so about
/// 11–23 bytes per member (a <see cref="HashSet{T}"/> of <see cref="ulong"/> needs about 24). Zero is stored as one.
/// </summary>
internal sealed class HashSet64
{
    private ulong[] slots = new ulong[1024];

    /// <summary>How many hashes the set holds.</summary>
    public int Count { get; private set; }

    /// <summary>True when <paramref name="hash"/> is in the set.</summary>
    public bool Contains(ulong hash)
    {
        hash = hash == 0 ? 1 : hash;
        var mask = slots.Length - 1;
        for (var i = (int)(hash & (ulong)mask); ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == hash)
            {
                return true;
            }

            if (slot == 0)
            {
                return false;
            }
        }
    }

    /// <summary>Adds <paramref name="hash"/>; false when it was already there.</summary>
    public bool Add(ulong hash)
    {
        if ((Count + 1) * 10L > slots.Length * 7L)
        {
            Grow();
        }

        return Insert(slots, hash == 0 ? 1 : hash);
    }

    /// <summary>Empties the set and releases its memory.</summary>
    public void Clear()
    {
        slots = new ulong[1024];
        Count = 0;
    }

    private bool Insert(ulong[] table, ulong hash)
    {
        var mask = table.Length - 1;
        for (var i = (int)(hash & (ulong)mask); ; i = (i + 1) & mask)
        {
            if (table[i] == hash)
            {
                return false;
            }

            if (table[i] == 0)
            {
                table[i] = hash;
                if (ReferenceEquals(table, slots))
                {
                    Count++;
                }

                return true;
            }
        }
    }

    private void Grow()
    {
        var old = slots;
        var grown = new ulong[old.Length * 2];
        foreach (var hash in old)
        {
            if (hash != 0)
            {
                Insert(grown, hash);
            }
        }

        slots = grown;
    }
}
