using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>
/// Boundaries, spent alpha, futility bounds and design characteristics against rpact 3.3.4
/// (tests/reference/sequential/rpact_designs.R). Tolerances: 1e-4 on every z boundary, 1e-6 on cumulative alpha,
/// 1e-5 on nominal levels, 1e-4 on inflation factors and expected sample sizes, 1e-5 on probabilities.
/// Boundaries beyond z = 4.75 (nominal level below 1e-6) are compared on the nominal level to 1e-9 instead: there
/// rpact's own z carries errors up to 1e-2 (asOF, K = 20, look 2: rpact 6.9783 where the exact value, with the first
/// boundary unreachable, is Φ⁻¹(1 − α(0.1)) = 6.9914), while the probabilities agree.
/// </summary>
public sealed class GroupSequentialDesignRpactTests
{
    public static TheoryData<string> DesignIds => new(RpactDesign.ById.Keys.Order());

    public static TheoryData<string> FutilityDesignIds =>
        new(RpactDesign.ById.Values.Where(d => d.BetaSpendingType != "none").Select(d => d.Id).Order());

    private const double FarTail = 4.75;

    [Fact]
    public void ReferenceFile_CoversEveryFamily_AtLeastFortyDesigns()
    {
        var designs = RpactDesign.ById.Values.ToList();
        Assert.True(designs.Count >= 40);
        foreach (var type in new[] { "asOF", "asP", "asKD", "asHSD", "OF", "P" })
        {
            Assert.Contains(designs, d => d.Type == type && d.Sides == 1);
            Assert.Contains(designs, d => d.Type == type && d.Sides == 2);
        }
    }

    [Theory]
    [MemberData(nameof(DesignIds))]
    public void Create_RpactDesign_MatchesBoundariesAndSpentAlpha(string id)
    {
        var reference = RpactDesign.ById[id];
        var design = GroupSequentialDesign.Create(reference.Options());

        var z = reference.CriticalValues;
        var moderate = Enumerable.Range(0, z.Length).Where(i => z[i] <= FarTail).ToArray();
        var far = Enumerable.Range(0, z.Length).Where(i => z[i] > FarTail).ToArray();
        AssertClose(moderate.Select(i => z[i]).ToArray(), moderate.Select(i => design.EfficacyBoundaries[i]).ToArray(), 1e-4, "z");
        var levels = reference.StageLevels;
        AssertClose(levels, design.NominalLevels, 1e-5, "nominal level");
        AssertClose(far.Select(i => levels[i]).ToArray(), far.Select(i => design.NominalLevels[i]).ToArray(), 1e-9, "far-tail nominal level");
        AssertClose(reference.AlphaSpent, design.CumulativeAlpha, 1e-6, "cumulative alpha");
    }

    [Theory]
    [MemberData(nameof(FutilityDesignIds))]
    public void Create_RpactBetaSpending_MatchesFutilityBounds(string id)
    {
        var reference = RpactDesign.ById[id];
        var design = GroupSequentialDesign.Create(reference.Options());

        Assert.NotNull(design.FutilityBoundaries);
        AssertClose(reference.FutilityBounds!, design.FutilityBoundaries!.Take(design.Looks - 1).ToArray(), 1e-4, "futility z");
    }

    [Theory]
    [MemberData(nameof(DesignIds))]
    public void Characteristics_RpactDesign_MatchesInflationPowerAndExpectedSampleSize(string id)
    {
        var reference = RpactDesign.ById[id];
        var c = GroupSequentialDesign.Create(reference.Options()).Characteristics();

        Assert.Equal(reference.Characteristics.NFixed, c.FixedHorizonDrift2, 1e-9);
        Assert.Equal(reference.Characteristics.InflationFactor, c.InflationFactor, 1e-4);
        Assert.Equal(Math.Sqrt(reference.Characteristics.Shift), c.Drift, 1e-4);
        AssertClose(reference.Characteristics.Power, c.CumulativePower, 1e-5, "power");
        AssertClose(reference.Characteristics.RejectionProbabilities, c.RejectionProbabilities, 1e-5, "rejection");
        AssertClose(reference.Characteristics.FutilityProbabilities, c.FutilityProbabilities, 1e-5, "futility");
        Assert.Equal(reference.Characteristics.AsnH0, c.ExpectedSampleSizeH0, 1e-4);
        Assert.Equal(reference.Characteristics.AsnHalf, c.ExpectedSampleSizeHalf, 1e-4);
        Assert.Equal(reference.Characteristics.AsnH1, c.ExpectedSampleSizeH1, 1e-4);
    }

    internal static void AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            var deviation = expected[i] == actual[i] ? 0 : Math.Abs(expected[i] - actual[i]);
            Assert.True(deviation <= tolerance, $"{what} at look {i + 1}: rpact {expected[i]:R}, Verdict {actual[i]:R}, |Δ| = {deviation:E2} > {tolerance:E0}");
        }
    }
}
