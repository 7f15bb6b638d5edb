using Verdict.Statistics.AlwaysValid;
using Verdict.Statistics.Inference;

namespace Verdict.Cli.Commands.Stats;

/// <summary>The JSON form of <c>stats always-valid</c> (docs/sequential.md). Infinite interval ends are null.</summary>
internal sealed record AlwaysValidJson(
    string Method,
    double Alpha,
    int Sides,
    long Units,
    double? NStar,
    double? Tau,
    AlwaysValidEstimateJson Absolute,
    AlwaysValidEstimateJson? Relative,
    IReadOnlyList<DiagnosticJson> Diagnostics);

/// <summary>One always-valid estimate: value, standard error, confidence sequence and p-value.</summary>
internal sealed record AlwaysValidEstimateJson(double? Estimate, double? Se, double? CiLow, double? CiHigh, double? PValue)
{
    public static AlwaysValidEstimateJson From(AlwaysValidResult r) =>
        new(EstimateJson.N(r.Value), EstimateJson.N(r.StandardError), EstimateJson.N(r.CiLow), EstimateJson.N(r.CiHigh), EstimateJson.N(r.PValue));
}
