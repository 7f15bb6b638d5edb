using FsCheck;
using FsCheck.Xunit;
using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Tests;

/// <summary>Raising exposure never moves or drops an enrolled unit; lowering it only removes units.</summary>
public sealed class ExposureRampProperties
{
    private static readonly string[] Units = Enumerable.Range(0, 400).Select(i => $"unit-{i}").ToArray();

    [Property(MaxTest = 200)]
    public void Allocate_RaisingExposure_KeepsEveryActiveBucketInItsArm(PositiveInt seed, byte lowPercent, byte highPercent)
    {
        var weights = Normalize(Enumerable.Range(0, 2 + (seed.Get % 5)).Select(i => 1 + ((seed.Get * (i + 7)) % 97)).ToArray());
        var (low, high) = Order(lowPercent / 255.0, highPercent / 255.0);
        var arms = weights.Select((w, i) => new ArmWeight($"arm{i}", w)).ToArray();
        var before = BucketAllocation.Allocate(arms, low);
        var after = BucketAllocation.Allocate(arms, high);
        for (var i = 0; i < arms.Length; i++)
        {
            Assert.Equal(before[i].Slot, after[i].Slot);
            Assert.Equal(before[i].Active.Start, after[i].Active.Start);
            Assert.True(after[i].Active.End >= before[i].Active.End);
            Assert.True(after[i].Active.End <= after[i].Slot.End);
        }
    }

    [Property(MaxTest = 60)]
    public void Assign_RaisingExposure_NeverMovesOrDropsAUnit(PositiveInt seed, byte lowPercent, byte highPercent)
    {
        var (low, high) = Order(lowPercent / 255.0, highPercent / 255.0);
        var weights = Normalize([1 + (seed.Get % 9), 1 + (seed.Get % 13), 1 + (seed.Get % 3)]);
        var arms = weights.Select((w, i) => new ArmWeight($"arm{i}", w)).ToArray();
        var salt = $"ramp-{seed.Get}:v1";
        var lower = new ExperimentAssigner(new AssignmentSpec { Salt = salt, Arms = arms, Exposure = low });
        var higher = new ExperimentAssigner(new AssignmentSpec { Salt = salt, Arms = arms, Exposure = high });
        foreach (var unit in Units)
        {
            var a = lower.Assign(unit);
            var b = higher.Assign(unit);
            if (a.InExperiment)
            {
                Assert.Equal(a.Arm, b.Arm);
            }

            if (!b.InExperiment)
            {
                Assert.False(a.InExperiment);
            }
        }
    }

    [Property(MaxTest = 200)]
    public void Allocate_AnyWeights_SlotsTileAllBuckets(PositiveInt seed, byte exposurePercent)
    {
        var weights = Normalize(Enumerable.Range(0, 2 + (seed.Get % 7)).Select(i => (seed.Get * (i + 3)) % 50).Append(1).ToArray());
        var slots = BucketAllocation.Allocate(weights.Select((w, i) => new ArmWeight($"a{i}", w)).ToArray(), exposurePercent / 255.0);
        Assert.Equal(0, slots[0].Slot.Start);
        Assert.Equal(AssignmentHash.BucketCount, slots[^1].Slot.End);
        for (var i = 1; i < slots.Count; i++)
        {
            Assert.Equal(slots[i - 1].Slot.End, slots[i].Slot.Start);
        }

        for (var i = 0; i < slots.Count; i++)
        {
            Assert.InRange(slots[i].Slot.Width, (weights[i] * AssignmentHash.BucketCount) - 1, (weights[i] * AssignmentHash.BucketCount) + 1);
        }
    }

    [Property(MaxTest = 100)]
    public void Assign_SameUnitTwice_SameArm(NonEmptyString unit)
    {
        var id = unit.Get.Replace("\0", "x", StringComparison.Ordinal);
        if (HasLoneSurrogate(id))
        {
            return;
        }

        var assigner = new ExperimentAssigner(new AssignmentSpec { Salt = "refund-query-rewrite:v1", Arms = [new("control", 0.5), new("treatment", 0.5)] });
        Assert.Equal(assigner.Assign(id), assigner.Assign(id.AsSpan()));
    }

    private static bool HasLoneSurrogate(string s) => System.Text.Unicode.Utf8.FromUtf16(s, new byte[s.Length * 3], out _, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done;

    private static (double Low, double High) Order(double a, double b) => a <= b ? (a, b) : (b, a);

    private static double[] Normalize(int[] raw)
    {
        var sum = (double)raw.Sum();
        var weights = raw.Select(r => r / sum).ToArray();
        return weights;
    }
}
