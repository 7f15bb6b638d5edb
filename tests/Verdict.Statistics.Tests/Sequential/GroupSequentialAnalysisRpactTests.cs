using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;
using Xunit;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>
/// Stage-wise adjusted p-values and repeated confidence intervals after a stop, against rpact 3.3.4
/// <c>getAnalysisResults</c> (analyses in tests/reference/sequential/rpact_designs.json). Tolerance 1e-6.
/// </summary>
public sealed class GroupSequentialAnalysisRpactTests
{
    private static readonly Lazy<Dictionary<string, RpactAnalysis>> Analyses = new(() => SequentialReference.Rpact.Analyses.ToDictionary(a => a.Id));

    public static TheoryData<string> Ids => new(Analyses.Value.Keys.Order());

    [Theory]
    [MemberData(nameof(Ids))]
    public void StageWiseAdjustedPValue_RpactAnalysis_MatchesFinalPValue(string id)
    {
        var (design, reference) = Load(id);
        var z = reference.Z;
        var k = reference.FinalStage;
        var looks = design.InformationFractions.Take(k).ToArray();

        var p = design.StageWiseAdjustedPValue(looks, z[k - 1]);

        Assert.Equal(reference.FinalPValue, p, 1e-6);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Evaluate_RpactAnalysis_MatchesRepeatedConfidenceIntervals(string id)
    {
        var (design, reference) = Load(id);
        var z = reference.Z;
        var estimates = reference.Estimate;
        var lower = reference.RciLower;
        var upper = reference.RciUpper;
        for (var i = 0; i < z.Length; i++)
        {
            var se = estimates[i] / z[i];
            var look = design.Evaluate(design.InformationFractions.Take(i + 1).ToArray(), new Estimate(estimates[i], se, 0, 0, 0, 0, 0));
            Assert.Equal(lower[i], look.RepeatedCiLow, 1e-6);
            Assert.Equal(upper[i], look.RepeatedCiHigh, 1e-6);
        }
    }

    private static (GroupSequentialDesign Design, RpactAnalysis Reference) Load(string id)
    {
        var a = Analyses.Value[id];
        var type = a.Type;
        var parameter = a.Parameter ?? 0;
        var design = GroupSequentialDesign.Create(new GroupSequentialOptions
        {
            InformationFractions = a.InformationRates,
            Alpha = a.Alpha,
            Sides = a.Sided,
            AlphaSpending = type switch
            {
                "asP" => SpendingFunction.Pocock,
                "asKD" => SpendingFunction.Power(parameter),
                _ => SpendingFunction.ObrienFleming,
            },
            Classic = type == "OF" ? ClassicBoundary.ObrienFleming : null,
        });
        return (design, a);
    }

}
