using Verdict.Statistics.Sequential;

namespace Verdict.Cli.Commands.Stats;

/// <summary>The JSON form of one evaluated look (docs/sequential.md).</summary>
internal sealed record SequentialLookJson(
    string Decision,
    int Look,
    double InformationFraction,
    double Z,
    double? EfficacyZ,
    double? FutilityZ,
    double NominalP,
    double CumulativeAlpha,
    bool Final,
    bool Recomputed,
    string? Note,
    double? RepeatedCiLow,
    double? RepeatedCiHigh,
    double? AdjustedPValue)
{
    public static SequentialLookJson From(LookEvaluation look, double? adjusted) => new(
        DecisionName(look.Action),
        look.Look,
        look.InformationFraction,
        look.Z,
        EstimateJson.N(look.EfficacyBoundary),
        look.FutilityBoundary is { } f ? EstimateJson.N(f) : null,
        look.NominalP,
        look.CumulativeAlpha,
        look.IsFinal,
        look.Recomputed,
        look.Note,
        EstimateJson.N(look.RepeatedCiLow),
        EstimateJson.N(look.RepeatedCiHigh),
        adjusted);

    public static string DecisionName(LookAction action) => action switch
    {
        LookAction.StopEfficacy => "STOP_EFFICACY",
        LookAction.StopFutility => "STOP_FUTILITY",
        _ => "CONTINUE",
    };
}
