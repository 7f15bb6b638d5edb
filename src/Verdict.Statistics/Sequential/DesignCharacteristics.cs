namespace Verdict.Statistics.Sequential;

/// <summary>
/// Operating characteristics of a group-sequential design at power 1 − β, on the scale of rpact's
/// <c>getDesignCharacteristics</c>: sample sizes are ratios to the fixed-horizon sample size.
/// </summary>
/// <param name="FixedHorizonDrift2">(z_{1−α/sides} + z_{1−β})²: the squared drift a single look needs (rpact <c>nFixed</c>).</param>
/// <param name="Drift">E[Z_K] under the alternative that gives the design its power (√ rpact <c>shift</c>).</param>
/// <param name="InflationFactor">Maximum sample size over the fixed-horizon sample size.</param>
/// <param name="CumulativePower">P(reject by look k) under the alternative.</param>
/// <param name="RejectionProbabilities">P(reject at look k) under the alternative.</param>
/// <param name="FutilityProbabilities">P(stop for futility at look k) under the alternative, looks 1 … K−1 (zeros without futility).</param>
/// <param name="StopProbabilitiesH0">P(stop at look k) under H0 (efficacy, the other side, or futility; the last look takes the rest).</param>
/// <param name="StopProbabilitiesH1">P(stop at look k) under the alternative.</param>
/// <param name="ExpectedSampleSizeH0">Expected sample size under H0 over the fixed-horizon size.</param>
/// <param name="ExpectedSampleSizeHalf">Expected sample size halfway between H0 and the alternative, over the fixed-horizon size.</param>
/// <param name="ExpectedSampleSizeH1">Expected sample size under the alternative over the fixed-horizon size.</param>
public sealed record DesignCharacteristics(
    double FixedHorizonDrift2,
    double Drift,
    double InflationFactor,
    IReadOnlyList<double> CumulativePower,
    IReadOnlyList<double> RejectionProbabilities,
    IReadOnlyList<double> FutilityProbabilities,
    IReadOnlyList<double> StopProbabilitiesH0,
    IReadOnlyList<double> StopProbabilitiesH1,
    double ExpectedSampleSizeH0,
    double ExpectedSampleSizeHalf,
    double ExpectedSampleSizeH1)
{
    /// <summary>The maximum sample size for a fixed-horizon sample size <paramref name="fixedSampleSize"/>, rounded up.</summary>
    public double MaximumSampleSize(double fixedSampleSize)
    {
        Guard.Positive(fixedSampleSize);
        return Math.Ceiling((fixedSampleSize * InflationFactor) - 1e-9);
    }
}
