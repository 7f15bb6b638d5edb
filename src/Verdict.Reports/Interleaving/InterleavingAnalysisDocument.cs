using System.Globalization;
using System.Text.Json.Serialization;
using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Analysis.Interleaving;
using Verdict.Experiments.Interleaving;
using Verdict.Reports.Text;

namespace Verdict.Reports.Interleaving;

/// <summary>
/// The stable JSON form of an interleaving brief's analysis (<c>verdict analyze --json</c> on a brief with an
/// <c>interleaving</c> block; docs/interleaving.md, "An interleaving brief"). Field names are a contract.
/// </summary>
public sealed record InterleavingAnalysisDocument(
    string SchemaVersion,
    string Design,
    string Experiment,
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? AsOf,
    string Decision,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<CheckDocument> Checks,
    string Method,
    string Variance,
    string TeamA,
    string TeamB,
    long Units,
    long Queries,
    long WinsA,
    long WinsB,
    long Ties,
    PreferenceDocument PerQuery,
    PreferenceDocument PerUnit,
    string Caveat)
{
    /// <summary>The current schema version.</summary>
    public const string CurrentSchema = "verdict.interleaving-analysis/1";

    /// <summary>Builds the document for <paramref name="report"/>.</summary>
    public static InterleavingAnalysisDocument From(InterleavingReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Sums.Total;
        return new InterleavingAnalysisDocument(
            CurrentSchema,
            "interleaving",
            report.Experiment,
            report.Version,
            report.AsOf?.ToString("O", CultureInfo.InvariantCulture),
            AnalysisDocument.DecisionText(report.Decision),
            [.. report.Reasons.Select(DecisionText.Text)],
            report.Checks.Select(CheckDocument.From).ToList(),
            report.Design.Method == InterleavingMethod.TeamDraft ? "team_draft" : "balanced",
            report.Design.Variance == InterleavingVariance.Clustered ? "clustered" : "per_query",
            report.TeamA,
            report.TeamB,
            report.Sums.Users,
            t.Queries,
            t.WinsA,
            t.WinsB,
            t.Ties,
            PreferenceDocument.From(report.PerQuery),
            PreferenceDocument.From(report.PerUnit),
            Caveats.Interleaving);
    }
}
