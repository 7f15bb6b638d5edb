using Verdict.Statistics.Sequential;

namespace Verdict.Cli.Commands.Stats;

/// <summary>
/// The JSON contract of <c>stats sequential</c>: <c>z</c>, <c>nominal_p</c> and <c>cumulative_alpha</c> per look
/// (fixed); <c>futility_z</c> only with <c>--futility</c> and <c>planning</c> only with <c>--fixed-n</c>.
/// An unreachable boundary (no alpha spent at that look) is null.
/// </summary>
internal sealed record SequentialJson(
    IReadOnlyList<double?> Z,
    IReadOnlyList<double> NominalP,
    IReadOnlyList<double> CumulativeAlpha,
    IReadOnlyList<double?>? FutilityZ,
    SequentialPlanningJson? Planning)
{
    public static SequentialJson From(GroupSequentialDesign design, DesignCharacteristics? characteristics, double? fixedN) => new(
        design.EfficacyBoundaries.Select(EstimateJson.N).ToList(),
        design.NominalLevels,
        design.CumulativeAlpha,
        design.FutilityBoundaries?.Select(EstimateJson.N).ToList(),
        characteristics is { } c && fixedN is { } n ? SequentialPlanningJson.From(c, n) : null);
}

/// <summary>Sample sizes and stopping probabilities of a plan for a fixed-horizon sample size.</summary>
internal sealed record SequentialPlanningJson(
    double FixedN,
    double MaxN,
    double InflationFactor,
    double ExpectedNH0,
    double ExpectedNH1,
    IReadOnlyList<double> PowerByLook,
    IReadOnlyList<double> StopProbabilityH0,
    IReadOnlyList<double> StopProbabilityH1)
{
    public static SequentialPlanningJson From(DesignCharacteristics c, double n) => new(
        n, c.MaximumSampleSize(n), c.InflationFactor, c.ExpectedSampleSizeH0 * n, c.ExpectedSampleSizeH1 * n,
        c.CumulativePower, c.StopProbabilitiesH0, c.StopProbabilitiesH1);
}
