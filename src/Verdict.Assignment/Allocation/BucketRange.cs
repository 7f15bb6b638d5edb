namespace Verdict.Assignment.Allocation;

/// <summary>A half-open range of buckets [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct BucketRange(int Start, int End)
{
    /// <summary>How many buckets the range holds.</summary>
    public int Width => End - Start;

    /// <summary>True when <paramref name="bucket"/> lies in the range.</summary>
    public bool Contains(int bucket) => bucket >= Start && bucket < End;

    /// <inheritdoc/>
    public override string ToString() => $"[{Start}, {End})";
}
