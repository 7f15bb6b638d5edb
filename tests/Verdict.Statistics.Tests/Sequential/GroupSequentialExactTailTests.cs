using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>
/// Far-tail boundaries against direct scipy quadrature (tests/reference/sequential/exact_tail.py), where rpact's own z
/// is off by up to 1e-2. Tolerance 1e-5 on z.
/// </summary>
public sealed class GroupSequentialExactTailTests
{
    public static TheoryData<string> Names => new(SequentialReference.ExactTail.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_FarTailBoundary_MatchesQuadrature(string name)
    {
        var c = SequentialReference.ExactTail.Single(x => x.Name == name);
        var design = GroupSequentialDesign.Create(new GroupSequentialOptions
        {
            InformationFractions = c.InformationRates,
            Alpha = c.Alpha,
            Sides = c.Sided,
        });
        var expected = c.Z;

        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsPositiveInfinity(expected[i]))
            {
                Assert.Equal(double.PositiveInfinity, design.EfficacyBoundaries[i]);
            }
            else
            {
                Assert.Equal(expected[i], design.EfficacyBoundaries[i], 1e-5);
            }
        }
    }

}
