using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Allocation;

/// <summary>
/// Maps arm weights and an exposure to bucket ranges (docs/assignment.md, "Ranges"). Arm i owns the fixed slot
/// [B(i−1), B(i)) with B(i) = round(10 000 · (w₁ + … + wᵢ)), halves to even, and B(k) = 10 000. Exposure e enrols
/// the first ⌊width · E / 10 000⌋ buckets of every slot, where E = round(10 000 · e). The slots never move, so raising
/// exposure only adds units to the arm they already belong to and lowering it only removes units.
/// </summary>
public static class BucketAllocation
{
    /// <summary>The tolerance on Σ weights = 1.</summary>
    public const double WeightTolerance = 1e-9;

    /// <summary>Computes every arm's slot and active range; throws on weights that are not a distribution.</summary>
    public static IReadOnlyList<ArmSlot> Allocate(IReadOnlyList<ArmWeight> arms, double exposure)
    {
        ArgumentNullException.ThrowIfNull(arms);
        Validate(arms);
        var exposureBuckets = AssignmentHash.ToBuckets(exposure);
        var slots = new ArmSlot[arms.Count];
        var cumulative = 0.0;
        var start = 0;
        for (var i = 0; i < arms.Count; i++)
        {
            cumulative += arms[i].Weight;
            var end = i == arms.Count - 1 ? AssignmentHash.BucketCount : (int)Math.Round(cumulative * AssignmentHash.BucketCount, MidpointRounding.ToEven);
            end = Math.Clamp(end, start, AssignmentHash.BucketCount);
            var active = (int)((long)(end - start) * exposureBuckets / AssignmentHash.BucketCount);
            slots[i] = new ArmSlot(arms[i].Name, new BucketRange(start, end), new BucketRange(start, start + active));
            start = end;
        }

        return slots;
    }

    private static void Validate(IReadOnlyList<ArmWeight> arms)
    {
        if (arms.Count < 2)
        {
            throw new ArgumentException($"An experiment needs at least two arms, got {arms.Count}.", nameof(arms));
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        var sum = 0.0;
        foreach (var arm in arms)
        {
            ArgumentNullException.ThrowIfNull(arm, nameof(arms));
            if (string.IsNullOrEmpty(arm.Name))
            {
                throw new ArgumentException("Every arm needs a name.", nameof(arms));
            }

            if (!names.Add(arm.Name))
            {
                throw new ArgumentException($"Duplicate arm name \"{arm.Name}\".", nameof(arms));
            }

            if (!(arm.Weight >= 0 && arm.Weight <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(arms), arm.Weight, $"The weight of arm \"{arm.Name}\" must lie in [0, 1].");
            }

            sum += arm.Weight;
        }

        if (Math.Abs(sum - 1) > WeightTolerance)
        {
            throw new ArgumentException($"Arm weights must sum to 1, got {sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(arms));
        }
    }
}
