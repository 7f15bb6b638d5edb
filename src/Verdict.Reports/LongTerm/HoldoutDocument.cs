using System.Text.Json;
using System.Text.Json.Nodes;
using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Json;

namespace Verdict.Reports.LongTerm;

/// <summary>
/// The <c>holdout</c> section of <c>verdict analyze --holdout --json</c> (docs/analysis-json.md, "holdout"): the
/// held-out and exposed populations, the holdout ratio test, the checks, and every metric for every arm against the holdout.
/// </summary>
public sealed record HoldoutDocument(
    string Name,
    double Fraction,
    string Experiment,
    long HoldoutUnits,
    IReadOnlyDictionary<string, long> ExposedUnits,
    double ExpectedHoldoutShare,
    double? ObservedHoldoutShare,
    double? SrmPValue,
    DateTimeOffset? FirstExposure,
    DateTimeOffset? LastExposure,
    IReadOnlyList<CheckDocument> Checks,
    IReadOnlyList<HoldoutMetricDocument> Metrics)
{
    /// <summary>The section for <paramref name="report"/>.</summary>
    public static HoldoutDocument From(HoldoutReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var total = report.HoldoutUnits + report.ExposedUnits.Values.Sum();
        return new HoldoutDocument(
            report.Holdout.Name,
            report.Holdout.Fraction,
            report.HoldoutExperiment,
            report.HoldoutUnits,
            report.ExposedUnits,
            report.ExpectedHoldoutShare,
            total == 0 ? null : (double)report.HoldoutUnits / total,
            report.SrmPValue,
            report.FirstExposure,
            report.LastExposure,
            report.Checks.Select(CheckDocument.From).ToList(),
            report.Comparisons.Select(HoldoutMetricDocument.From).ToList());
    }

    /// <summary>The analysis document with this section added as its <c>holdout</c> member; nothing else changes.</summary>
    public static JsonObject Append(AnalysisDocument analysis, HoldoutReport report)
    {
        var node = JsonSerializer.SerializeToNode(analysis, VerdictJson.Options)!.AsObject();
        node["holdout"] = JsonSerializer.SerializeToNode(From(report), VerdictJson.Options);
        return node;
    }
}
