using Verdict.Cli.Commands.Stats;
using Verdict.Statistics.Did;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>The <c>verdict did --json</c> contract (docs/cli.md, docs/quasi-experiments.md).</summary>
internal sealed record DidJson(
    string Design,
    string Outcome,
    double Alpha,
    string AdoptionPeriod,
    int TreatedUnits,
    int ControlUnits,
    int Clusters,
    int Periods,
    int Observations,
    DidCellsJson Cells,
    EstimateJson TwoByTwo,
    EstimateJson Twfe,
    IReadOnlyList<EventStudyJson> EventStudy,
    PreTrendJson? PreTrend,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    public static DidJson From(DidResult result, string[] periods, string outcome, double alpha)
    {
        var adoption = result.AdoptionPeriod!.Value;
        var cells = result.Cells!;
        return new DidJson(
            "single_adoption",
            outcome,
            alpha,
            periods[adoption],
            result.TreatedUnits,
            result.ControlUnits,
            result.Clusters,
            result.Periods,
            result.Observations,
            new DidCellsJson(EstimateJson.N(cells.ControlPre), EstimateJson.N(cells.ControlPost), EstimateJson.N(cells.TreatedPre), EstimateJson.N(cells.TreatedPost)),
            EstimateJson.From(result.TwoByTwo, withDf: true),
            EstimateJson.From(result.TwoWayFixedEffects, withDf: true),
            result.EventStudy.Select(e => new EventStudyJson(e.RelativePeriod, periods[adoption + e.RelativePeriod], e.IsReference, EstimateJson.From(e.Effect, withDf: true))).ToList(),
            PreTrendJson.From(result.PreTrend),
            result.Diagnostics.Select(DiagnosticJson.From).ToList());
    }
}

/// <summary>The four means of the 2×2 comparison.</summary>
internal sealed record DidCellsJson(double? ControlPre, double? ControlPost, double? TreatedPre, double? TreatedPost);

/// <summary>One event-study coefficient: k periods from adoption, the period's label, whether it is the reference (0 by construction).</summary>
internal sealed record EventStudyJson(int RelativePeriod, string Period, bool Reference, EstimateJson Effect);

/// <summary>The joint test of the leads: F(df_num, df_denom), or χ²(df_num)/df_num with no df_denom.</summary>
internal sealed record PreTrendJson(double Statistic, int DfNum, double? DfDenom, double PValue, bool Flat)
{
    public static PreTrendJson? From(PreTrendTest? p) => p is null ? null : new(p.Statistic, p.NumeratorDf, EstimateJson.N(p.DenominatorDf), p.PValue, p.Flat);
}
