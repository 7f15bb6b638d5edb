using Verdict.Statistics.Bandits;

namespace Verdict.Cli.Commands.Simulate;

/// <summary>The JSON form of <c>simulate bandit</c> (docs/bandits.md, "verdict simulate bandit").</summary>
internal sealed record BanditSimulationJson(
    IReadOnlyList<double> TrueRates,
    int Pulls,
    int Runs,
    int BatchSize,
    double Drift,
    double MinWeight,
    long MinSample,
    bool TopTwo,
    string Method,
    int Seed,
    SeedStyleRun FirstRun,
    SpreadSummary BestArmTraffic,
    IReadOnlyList<RegretPoint> RegretCurve,
    double FixedSplitRegret,
    double TrueLift,
    SpreadSummary NaiveBias,
    SpreadSummary StratifiedBias,
    SpreadSummary InverseProbabilityBias,
    double StratifiedCoverage,
    double InverseProbabilityCoverage)
{
    public static BanditSimulationJson From(BanditSimulationOptions o, BanditSimulationResult r) => new(
        o.TrueRates, o.Pulls, r.Runs, o.BatchSize, o.Drift, o.Thompson.MinimumWeight, o.Thompson.MinimumSamplePerArm, o.Thompson.TopTwo,
        o.Thompson.Method == WeightMethod.Quadrature ? "quadrature" : "monte_carlo", o.Seed, r.FirstRun, r.BestArmTraffic, r.RegretCurve,
        r.FixedSplitRegret, r.TrueLift, r.NaiveBias, r.StratifiedBias, r.InverseProbabilityBias, r.StratifiedCoverage, r.InverseProbabilityCoverage);
}
