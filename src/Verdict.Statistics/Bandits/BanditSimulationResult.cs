namespace Verdict.Statistics.Bandits;

/// <summary>
/// The outcome of <see cref="BanditSimulation.Run"/>: seed 001's one-pull-at-a-time run for the first seed, the
/// spread of its traffic over every run, and the batched study's regret and estimator bias.
/// </summary>
public sealed record BanditSimulationResult(
    SeedStyleRun FirstRun,
    SpreadSummary BestArmTraffic,
    IReadOnlyList<RegretPoint> RegretCurve,
    SpreadSummary BanditRegret,
    double FixedSplitRegret,
    double TrueLift,
    SpreadSummary NaiveBias,
    SpreadSummary StratifiedBias,
    SpreadSummary InverseProbabilityBias,
    double StratifiedCoverage,
    int Runs)
{
    /// <summary>The share of runs whose inverse-propensity lift interval (sandwich error) covered the true lift.</summary>
    public double InverseProbabilityCoverage { get; init; } = double.NaN;
}
