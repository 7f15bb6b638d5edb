using Verdict.Cli.Commands.Stats;
using Verdict.Statistics.Did;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>The <c>verdict did --json</c> contract for staggered adoption (docs/cli.md, docs/quasi-experiments.md).</summary>
internal sealed record StaggeredDidJson(
    string Design,
    string Outcome,
    double Alpha,
    int TreatedUnits,
    int ControlUnits,
    int Clusters,
    IReadOnlyList<CohortJson> Cohorts,
    EstimateJson Overall,
    IReadOnlyList<GroupTimeJson> GroupTime,
    IReadOnlyList<StaggeredEventJson> EventStudy,
    PreTrendJson? PreTrend,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    public static StaggeredDidJson From(StaggeredDidResult result, string[] periods, string outcome, double alpha) => new(
        "staggered",
        outcome,
        alpha,
        result.TreatedUnits,
        result.ControlUnits,
        result.Clusters,
        result.GroupTime.GroupBy(g => g.Cohort).Select(g => new CohortJson(periods[g.Key], g.First().Units)).ToList(),
        EstimateJson.From(result.Overall),
        result.GroupTime.Select(g => new GroupTimeJson(periods[g.Cohort], periods[g.Period], g.Units, EstimateJson.From(g.Effect))).ToList(),
        result.EventStudy.Select(e => new StaggeredEventJson(e.RelativePeriod, e.IsReference, EstimateJson.From(e.Effect))).ToList(),
        PreTrendJson.From(result.PreTrend),
        result.Diagnostics.Select(DiagnosticJson.From).ToList());
}

/// <summary>An adoption cohort: its first treated period and its units.</summary>
internal sealed record CohortJson(string Period, int Units);

/// <summary>ATT(g, t).</summary>
internal sealed record GroupTimeJson(string Cohort, string Period, int Units, EstimateJson Effect);

/// <summary>θ(e): the cohort-size weighted effect e periods from adoption.</summary>
internal sealed record StaggeredEventJson(int RelativePeriod, bool Reference, EstimateJson Effect);
