using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;
using Verdict.Assignment.Targeting;

namespace Verdict.Assignment;

/// <summary>
/// Assigns units to arms for one experiment. Immutable and thread-safe; <see cref="Assign"/> allocates nothing.
/// Order of rules: forced assignment, holdout, layer, then the arm ranges at the current exposure
/// (docs/assignment.md). Eligibility is decided before calling (see <see cref="Eligibility"/>).
/// </summary>
public sealed class ExperimentAssigner
{
    private readonly byte[] saltPrefix;
    private readonly byte[]? layerPrefix;
    private readonly byte[]? holdoutPrefix;
    private readonly BucketRange layerRange;
    private readonly int holdoutBuckets;
    private readonly int[] slotEnds;
    private readonly int[] activeEnds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> forced;
    private readonly bool hasForced;

    /// <summary>Builds the assigner; throws on an invalid spec (weights, names, exposure, forced arms).</summary>
    public ExperimentAssigner(AssignmentSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrEmpty(spec.Salt, nameof(spec));
        if (!(spec.Exposure >= 0 && spec.Exposure <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.Exposure, "Exposure must lie in [0, 1].");
        }

        Spec = spec;
        Slots = BucketAllocation.Allocate(spec.Arms, spec.Exposure);
        saltPrefix = AssignmentHash.SaltPrefix(spec.Salt);
        slotEnds = Slots.Select(s => s.Slot.End).ToArray();
        activeEnds = Slots.Select(s => s.Active.End).ToArray();
        if (spec.Layer is { } layer)
        {
            layerPrefix = AssignmentHash.SaltPrefix(layer.Salt);
            layerRange = layer.Range;
        }

        if (spec.Holdout is { } holdout)
        {
            holdoutBuckets = AssignmentHash.ToBuckets(holdout.Fraction);
            holdoutPrefix = AssignmentHash.SaltPrefix(holdout.Salt);
        }

        var forcedArms = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (unit, arm) in spec.Forced)
        {
            ArgumentException.ThrowIfNullOrEmpty(unit, nameof(spec));
            var index = IndexOf(arm);
            if (index < 0)
            {
                throw new ArgumentException($"Forced assignment of \"{unit}\" names unknown arm \"{arm}\".", nameof(spec));
            }

            forcedArms[unit] = index;
        }

        forced = forcedArms.GetAlternateLookup<ReadOnlySpan<char>>();
        hasForced = forcedArms.Count > 0;
    }

    /// <summary>The spec this assigner was built from.</summary>
    public AssignmentSpec Spec { get; }

    /// <summary>Every arm's slot and active range, in declaration order.</summary>
    public IReadOnlyList<ArmSlot> Slots { get; }

    /// <summary>The name of arm <paramref name="arm"/>, or null for −1 (not in the experiment).</summary>
    public string? ArmName(int arm) => arm < 0 ? null : Slots[arm].Name;

    /// <summary>Assigns <paramref name="unitId"/>. Throws <see cref="ArgumentException"/> for an empty id.</summary>
    public ArmAssignment Assign(ReadOnlySpan<char> unitId)
    {
        var bucket = AssignmentHash.Bucket(saltPrefix, unitId);
        if (hasForced && forced.TryGetValue(unitId, out var forcedArm))
        {
            return new ArmAssignment(forcedArm, bucket, AssignmentStatus.Forced);
        }

        if (holdoutPrefix is not null && AssignmentHash.Bucket(holdoutPrefix, unitId) < holdoutBuckets)
        {
            return new ArmAssignment(-1, bucket, AssignmentStatus.HeldOut);
        }

        if (layerPrefix is not null && !layerRange.Contains(AssignmentHash.Bucket(layerPrefix, unitId)))
        {
            return new ArmAssignment(-1, bucket, AssignmentStatus.OutsideLayer);
        }

        // Branch-free search: a data-dependent branch here mispredicts half the time at 50/50.
        var arm = 0;
        for (var i = 0; i < slotEnds.Length - 1; i++)
        {
            arm += bucket >= slotEnds[i] ? 1 : 0;
        }

        return bucket < activeEnds[arm]
            ? new ArmAssignment(arm, bucket, AssignmentStatus.Assigned)
            : new ArmAssignment(-1, bucket, AssignmentStatus.NotExposed);
    }

    private int IndexOf(string arm)
    {
        for (var i = 0; i < Slots.Count; i++)
        {
            if (string.Equals(Slots[i].Name, arm, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
