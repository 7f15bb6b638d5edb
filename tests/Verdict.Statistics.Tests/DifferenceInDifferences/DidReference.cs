using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Tests.Reference;
using Verdict.Testing;

namespace Verdict.Statistics.Tests.DifferenceInDifferences;

/// <summary>One row of a reference panel: unit, period, cluster, whether treated then, and the outcome.</summary>
public sealed record PanelRow(int Unit, int Period, int Cluster, bool Treated, double Y)
{
    /// <summary>The observation the estimator reads.</summary>
    public PanelObservation Observation => new(Unit, Period, Cluster, Treated, Y);
}

/// <summary>The four cell means of a two-by-two case.</summary>
public sealed record DidCells(double ControlPre, double ControlPost, double TreatedPre, double TreatedPost);

/// <summary>One event-study coefficient: its relative period and its estimate block.</summary>
public sealed record EventBlock(
    int RelativePeriod, double? Estimate, double? Se = null, double? CiLow = null, double? CiHigh = null, double? PValue = null,
    double? PValueGreater = null, double? PValueLess = null, double? Df = null)
    : EstimateBlock(Estimate, Se, CiLow, CiHigh, PValue, PValueGreater, PValueLess, Df);

/// <summary>The joint F test of the leads.</summary>
public sealed record PreTrendTest(double Statistic, int DfNum, double DfDenom, double PValue);

/// <summary>One case of tests/reference/did/did.json: the panel and statsmodels' cluster-robust OLS results.</summary>
public sealed record DidCase(
    string Name, double Alpha, int AdoptionPeriod, IReadOnlyList<PanelRow> Rows, DidCells Cells, int Clusters, EstimateBlock TwoByTwo,
    EstimateBlock Twfe, IReadOnlyList<EventBlock> EventStudy, PreTrendTest? PreTrend)
{
    /// <summary>The panel the estimator reads.</summary>
    public List<PanelObservation> Panel => Rows.Select(r => r.Observation).ToList();
}

/// <summary>Reads tests/reference/did/did.json, written by generate.py from statsmodels OLS with cluster-robust covariance, once.</summary>
internal static class DidReference
{
    public static IReadOnlyList<DidCase> Cases { get; } = ReferenceJson.Cases<DidCase>("did", "did.json");

    public static DidCase Case(string name) => Cases.Single(c => c.Name == name);

    public static List<PanelObservation> Panel(DidCase c) => c.Panel;
}

/// <summary>One group-time cell of the staggered reference: cohort, period, units and statsmodels' estimate and HC0 SE.</summary>
public sealed record GroupTimeCell(int Cohort, int Period, int Units, double Estimate, double Se);

/// <summary>One event-time aggregate of the staggered reference.</summary>
public sealed record EventTimeEstimate(int RelativePeriod, double Estimate);

/// <summary>tests/reference/did/staggered.json (staggered.py): the panel, the group-time cells, the aggregates and the truth.</summary>
public sealed record StaggeredReference(
    IReadOnlyList<PanelRow> Rows, IReadOnlyList<GroupTimeCell> GroupTime, double Overall, IReadOnlyList<EventTimeEstimate> EventStudy, double TrueOverall, double NaiveTwfe)
{
    /// <summary>The file, read once.</summary>
    public static StaggeredReference Value { get; } = ReferenceJson.Read<StaggeredReference>("did", "staggered.json");
}
