using Verdict.Statistics.Interleaving;

namespace Verdict.Reports.Interleaving;

/// <summary>One analysis of B's preference share in JSON (docs/interleaving.md): numbers that cannot be computed are null.</summary>
public sealed record PreferenceDocument(double? ShareB, double? StandardError, double? CiLow, double? CiHigh, double? PValue, double? DeltaAb, IReadOnlyList<string> Diagnostics)
{
    /// <summary>The document of <paramref name="r"/>.</summary>
    public static PreferenceDocument From(PreferenceResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(AnalysisDocument.N(r.ShareB), AnalysisDocument.N(r.StandardError), AnalysisDocument.N(r.CiLow), AnalysisDocument.N(r.CiHigh),
            AnalysisDocument.N(r.PValue), AnalysisDocument.N(r.DeltaAB), r.Diagnostics.Select(d => $"{d.Code}: {d.Message}").ToList());
    }
}
