using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Targeting;

/// <summary>
/// The share of a mutual-exclusion layer that one experiment owns. Units hash into the layer with the salt
/// <c>"layer:" + name</c>; experiments in the same layer own disjoint ranges, so no unit is in two of them.
/// </summary>
public sealed record LayerRange(string Name, BucketRange Range)
{
    /// <summary>The salt units are hashed with to find their layer bucket.</summary>
    public string Salt => "layer:" + Name;

    /// <summary>The layer range for the fractions [<paramref name="from"/>, <paramref name="to"/>) of the layer.</summary>
    public static LayerRange FromFractions(string name, double from, double to)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var start = AssignmentHash.ToBuckets(from);
        var end = AssignmentHash.ToBuckets(to);
        if (end < start)
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"must not be below from ({from})");
        }

        return new LayerRange(name, new BucketRange(start, end));
    }
}
