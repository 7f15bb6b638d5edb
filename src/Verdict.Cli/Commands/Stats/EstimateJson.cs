using System.Text.Json.Serialization;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Cli.Commands.Stats;

/// <summary>The JSON form of an <see cref="Estimate"/>: NaN becomes null.</summary>
internal sealed record EstimateJson(
    double? Estimate,
    double? Se,
    double? CiLow,
    double? CiHigh,
    double? PValue,
    double? PValueGreater,
    double? PValueLess,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? Df)
{
    public static EstimateJson From(Estimate e, bool withDf = false) => new(
        N(e.Value), N(e.StandardError), N(e.CiLow), N(e.CiHigh), N(e.PValue), N(e.PValueGreater), N(e.PValueLess),
        withDf ? N(e.DegreesOfFreedom ?? double.PositiveInfinity) : null);

    public static double? N(double value) => double.IsFinite(value) ? value : null;
}

/// <summary>The JSON form of a <see cref="Lift"/>.</summary>
internal sealed record LiftJson(
    EstimateJson Absolute,
    EstimateJson Relative,
    double? ControlMean,
    double? TreatmentMean,
    IReadOnlyList<DiagnosticJson> Diagnostics)
{
    public static LiftJson From(Lift lift, bool withDf = false) => new(
        EstimateJson.From(lift.Absolute, withDf),
        EstimateJson.From(lift.Relative, withDf),
        EstimateJson.N(lift.ControlMean),
        EstimateJson.N(lift.TreatmentMean),
        lift.Diagnostics.Select(DiagnosticJson.From).ToList());
}

/// <summary>The JSON form of a <see cref="Diagnostic"/>.</summary>
internal sealed record DiagnosticJson(string Code, string Message)
{
    public static DiagnosticJson From(Diagnostic d) => new(d.Code.ToString(), d.Message);
}
