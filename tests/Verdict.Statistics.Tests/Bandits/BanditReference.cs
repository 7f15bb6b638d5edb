using Verdict.Statistics.Bandits;
using Verdict.Statistics.Inference;
using Verdict.Testing;

namespace Verdict.Statistics.Tests.Bandits;

/// <summary>A probability-best case: the posterior family, each arm's two parameters and scipy's probabilities.</summary>
public sealed record PosteriorCase(string Name, string Family, IReadOnlyList<IReadOnlyList<double>> Params, IReadOnlyList<double> Probabilities);

/// <summary>One logged unit of a stratified case: its period, arm, reward and propensity.</summary>
public sealed record BanditUnit(int Period, int Arm, double Reward, double Propensity);

/// <summary>An estimate with its standard error, interval and p-value (statsmodels OLS on an intercept, HC1).</summary>
public sealed record ReferenceInterval(double Estimate, double Se, double CiLow, double CiHigh, double PValue);

/// <summary>A stratified case: the raw units and numpy's lift, interval, p-value and per-arm means.</summary>
public sealed record StratifiedCase(
    string Name, IReadOnlyList<BanditUnit> Units, double Lift, double Se, double CiLow, double CiHigh, double PValue,
    IReadOnlyList<double> IpwMeans, IReadOnlyList<double> NaiveMeans, IReadOnlyList<double> StratifiedMeans,
    IReadOnlyList<ReferenceInterval> IpwIntervals, ReferenceInterval IpwLift);

/// <summary>Seed 001's printed run (seed 7): traffic per arm.</summary>
public sealed record SeedRun(IReadOnlyList<double> Traffic);

/// <summary>Python's run of seed 001's snippet: the printed run and the best arm's traffic over the runs.</summary>
public sealed record SeedStudy(SeedRun Seed7, int Runs, double BestArmTrafficMean, double BestArmTrafficSd, IReadOnlyDictionary<string, double> BestArmTrafficQuantiles);

/// <summary>tests/reference/bandits/bandits.json, written by generate.py from scipy and numpy, read once.</summary>
public sealed record BanditReference(IReadOnlyList<PosteriorCase> ProbabilityBest, SeedStudy Seed001, IReadOnlyList<StratifiedCase> Stratified)
{
    /// <summary>The file.</summary>
    public static BanditReference Value { get; } = ReferenceJson.Read<BanditReference>("bandits", "bandits.json");

    /// <summary>The arms' posteriors of a probability-best case.</summary>
    public static ArmPosterior[] Posteriors(PosteriorCase c)
    {
        var family = c.Family == "beta" ? PosteriorFamily.Beta : PosteriorFamily.Normal;
        return c.Params.Select(p => new ArmPosterior(family, p[0], p[1], 1000)).ToArray();
    }
}
