using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;
using Verdict.Assignment.Targeting;

namespace Verdict.Assignment.Tests;

public sealed class ExperimentAssignerTests
{
    private static readonly ArmWeight[] SeedArms = [new("control", 0.5), new("treatment", 0.5)];

    private static ExperimentAssigner Seed(Func<AssignmentSpec, AssignmentSpec>? change = null)
    {
        var spec = new AssignmentSpec { Salt = "refund-query-rewrite:v1", Arms = SeedArms };
        return new ExperimentAssigner(change is null ? spec : change(spec));
    }

    [Fact]
    public void Assign_EmptyUnitId_ThrowsWithArgumentName()
    {
        var error = Assert.Throws<ArgumentException>(() => Seed().Assign(ReadOnlySpan<char>.Empty));
        Assert.Equal("unitId", error.ParamName);
    }

    [Fact]
    public void Assign_LoneSurrogate_Throws()
    {
        Assert.Throws<ArgumentException>(() => Seed().Assign("bad\uD800id"));
    }

    [Theory]
    [InlineData(0.5, 0.6)]
    [InlineData(0.2, 0.2)]
    public void Constructor_WeightsNotSummingToOne_Throws(double a, double b)
    {
        var error = Assert.Throws<ArgumentException>(() => new ExperimentAssigner(new AssignmentSpec { Salt = "s", Arms = [new("control", a), new("treatment", b)] }));
        Assert.Contains("sum to 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_DuplicateArmNames_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExperimentAssigner(new AssignmentSpec { Salt = "s", Arms = [new("control", 0.5), new("control", 0.5)] }));
        Assert.Contains("Duplicate", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void Constructor_ExposureOutsideUnitInterval_Throws(double exposure)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Seed(s => s with { Exposure = exposure }));
    }

    [Fact]
    public void Constructor_ForcedToUnknownArm_Throws()
    {
        Assert.Throws<ArgumentException>(() => Seed(s => s with { Forced = new Dictionary<string, string> { ["qa-1"] = "variant-z" } }));
    }

    [Fact]
    public void Assign_ForcedUnit_WinsOverHashingAndHoldout()
    {
        var free = Seed().Assign("customer-014");
        var other = 1 - free.Arm;
        var forcedArm = SeedArms[other].Name;
        var assigner = Seed(s => s with { Holdout = new Holdout("everyone", 1.0), Forced = new Dictionary<string, string> { ["customer-014"] = forcedArm } });
        var result = assigner.Assign("customer-014");
        Assert.Equal(new ArmAssignment(other, free.Bucket, AssignmentStatus.Forced), result);
        Assert.Equal(AssignmentStatus.HeldOut, assigner.Assign("customer-231").Status);
    }

    [Fact]
    public void Assign_ExperimentsInOneLayer_NeverShareAUnit()
    {
        var first = Seed(s => s with { Layer = LayerRange.FromFractions("support", 0, 0.4) });
        var second = new ExperimentAssigner(new AssignmentSpec { Salt = "tone:v1", Arms = SeedArms, Layer = LayerRange.FromFractions("support", 0.4, 1.0) });
        var inFirst = 0;
        var inSecond = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var unit = $"customer-{i}";
            var a = first.Assign(unit).InExperiment;
            var b = second.Assign(unit).InExperiment;
            Assert.False(a && b, unit);
            inFirst += a ? 1 : 0;
            inSecond += b ? 1 : 0;
        }

        Assert.InRange(inFirst, 7_600, 8_400);
        Assert.InRange(inSecond, 11_600, 12_400);
    }

    [Fact]
    public void Assign_Holdout_RemovesItsShareBeforeArms()
    {
        var assigner = Seed(s => s with { Holdout = new Holdout("global-2026", 0.1) });
        var held = Enumerable.Range(0, 20_000).Count(i => assigner.Assign($"u{i}").Status == AssignmentStatus.HeldOut);
        Assert.InRange(held, 1_800, 2_200);
    }

    [Fact]
    public void Assign_SeedSplit_IsNearFiftyFifty()
    {
        var assigner = Seed();
        var treatment = Enumerable.Range(0, 100_000).Count(i => assigner.Assign($"customer-{i}").Arm == 1);
        Assert.InRange(treatment, 49_400, 50_600);
    }

    [Fact]
    public void Assign_SteadyState_AllocatesNothing()
    {
        var assigner = Seed(s => s with { Layer = LayerRange.FromFractions("support", 0, 1), Holdout = new Holdout("h", 0.05), Forced = new Dictionary<string, string> { ["qa"] = "control" } });
        var ids = Enumerable.Range(0, 1000).Select(i => $"customer-{i:D6}").ToArray();
        foreach (var id in ids)
        {
            assigner.Assign(id);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        foreach (var id in ids)
        {
            sum += assigner.Assign(id.AsSpan()).Bucket;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(sum > 0);
    }

    [Fact]
    public void Assign_LongUnitId_UsesPooledBufferAndMatchesReference()
    {
        var id = new string('a', 120);
        Assert.Equal(AssignmentHash.Bucket("refund-query-rewrite:v1", id), Seed().Assign(id).Bucket);
    }
}
