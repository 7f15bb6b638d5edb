using System.Text.Json;
using Verdict.Statistics.Sequential;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>
/// Far-tail boundaries against direct scipy quadrature (tests/reference/sequential/exact_tail.py), where rpact's own z
/// is off by up to 1e-2. Tolerance 1e-5 on z.
/// </summary>
public sealed class GroupSequentialExactTailTests
{
    public static TheoryData<string> Names => new(Cases().Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void Create_FarTailBoundary_MatchesQuadrature(string name)
    {
        var c = Cases().Single(x => x.GetProperty("name").GetString() == name);
        var design = GroupSequentialDesign.Create(new GroupSequentialOptions
        {
            InformationFractions = c.GetProperty("information_rates").EnumerateArray().Select(x => x.GetDouble()).ToArray(),
            Alpha = c.D("alpha"),
            Sides = c.GetProperty("sided").GetInt32(),
        });
        var expected = c.GetProperty("z").EnumerateArray().Select(x => x.ValueKind == JsonValueKind.Null ? double.PositiveInfinity : x.GetDouble()).ToArray();

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

    private static JsonElement[] Cases() => SequentialReference.Array("exact_tail.json", "cases");

}
