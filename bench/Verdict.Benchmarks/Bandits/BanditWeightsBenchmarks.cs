using BenchmarkDotNet.Attributes;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Benchmarks.Bandits;

/// <summary>
/// One bandit update for 10 arms: the next period's Thompson weights from the arms' posteriors, by quadrature (the
/// default) and by 10 000 seeded Monte Carlo draws, for Beta–Bernoulli and Gaussian rewards, and top-two on top.
/// </summary>
[MemoryDiagnoser]
public class BanditWeightsBenchmarks
{
    private readonly ArmPosterior[] beta = Enumerable.Range(0, 10)
        .Select(i => ArmPosterior.FromBinary(500 + (15 * i), 1000, BetaPrior.Flat)).ToArray();

    private readonly ArmPosterior[] normal = Enumerable.Range(0, 10)
        .Select(i => ArmPosterior.FromMoments(Moments.FromMeanAndStandardDeviation(800, 3.5 + (0.01 * i), 0.9))).ToArray();

    private readonly ThompsonOptions quadrature = new() { MinimumSamplePerArm = 0 };
    private readonly ThompsonOptions monteCarlo = new() { MinimumSamplePerArm = 0, Method = WeightMethod.MonteCarlo, Draws = 10_000 };
    private readonly ThompsonOptions topTwo = new() { MinimumSamplePerArm = 0, TopTwo = true };

    [Benchmark(Baseline = true, Description = "Beta, Monte Carlo 10 000 draws")]
    public BanditWeights BetaMonteCarlo() => ThompsonAllocation.Compute(beta, monteCarlo);

    [Benchmark(Description = "Beta, quadrature")]
    public BanditWeights BetaQuadrature() => ThompsonAllocation.Compute(beta, quadrature);

    [Benchmark(Description = "Beta, quadrature, top-two")]
    public BanditWeights BetaTopTwo() => ThompsonAllocation.Compute(beta, topTwo);

    [Benchmark(Description = "Gaussian, Monte Carlo 10 000 draws")]
    public BanditWeights NormalMonteCarlo() => ThompsonAllocation.Compute(normal, monteCarlo);

    [Benchmark(Description = "Gaussian, quadrature")]
    public BanditWeights NormalQuadrature() => ThompsonAllocation.Compute(normal, quadrature);
}
