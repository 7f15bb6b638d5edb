using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Evidence;

namespace Verdict.Reports.Text;

/// <summary>The words of an interleaving brief's checks and reasons, from their evidence.</summary>
internal static class InterleavingText
{
    public static string Impressions(InterleavingImpressionsEvidence e) => e.Queries == 0
        ? $"no \"{e.ImpressionEvent}\" event carries experiment = \"{e.Experiment}\": nothing was interleaved"
        : F($"{e.Queries:N0} interleaved queries from {e.Units:N0} units");

    public static string Decisive(InterleavingDecisiveEvidence e) => e.Total.Decisive == 0
        ? $"every query tied (no \"{e.ClickEvent}\" event credited one team more): there is no preference to test"
        : F($"{e.TeamA} (A) won {e.Total.WinsA:N0}, {e.TeamB} (B) won {e.Total.WinsB:N0}, {e.Total.Ties:N0} tied");

    public static string Clusters(InterleavingClustersEvidence e) =>
        F($"only {e.Units} units: the clustered standard error is unreliable below about {e.Minimum}");

    /// <summary>The preference check's detail, which is also the verdict's reason.</summary>
    public static string Preference(InterleavingPreferenceEvidence e)
    {
        var p = e.Preference;
        var interval = F($"B's share of decisive queries {p.ShareB:0.0%}, {1 - e.Alpha:0%} CI [{p.CiLow:0.0%}, {p.CiHigh:0.0%}], p = {p.PValue:G3} ({(p.Clustered ? "clustered by unit, Wald" : "queries independent, Wilson and exact binomial")})");
        return e.Decision switch
        {
            LaunchDecision.Ship => $"{e.TeamB} (B) is preferred: {interval}",
            LaunchDecision.RollBack => $"{e.TeamA} (A) is preferred over {e.TeamB}: {interval}",
            _ => $"no preference shown at alpha {e.Alpha.ToString(CultureInfo.InvariantCulture)}: {interval}",
        };
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
