using Verdict.Statistics.Inference;

namespace Verdict.Reports;

/// <summary>An estimate with its interval and p-value.</summary>
public sealed record EstimateDocument(double? Estimate, double? Se, double? CiLow, double? CiHigh, double? PValue)
{
    /// <summary>The document of an estimate (non-finite numbers become null).</summary>
    public static EstimateDocument From(Estimate e) => new(AnalysisDocument.N(e.Value), AnalysisDocument.N(e.StandardError), AnalysisDocument.N(e.CiLow), AnalysisDocument.N(e.CiHigh), AnalysisDocument.N(e.PValue));
}
