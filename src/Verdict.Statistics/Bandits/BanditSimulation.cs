using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Paired;
using Verdict.Statistics.Simulation;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Statistics.Bandits;

/// <summary>
/// Seeded bandit studies (docs/bandits.md, "Simulation"). Seed-style: one Thompson draw per pull and an immediate
/// Beta update, exactly seed 001's algorithm. Batched: the weights are recomputed every period by
/// <see cref="ThompsonAllocation"/>, units are assigned by those weights, and the data are analysed by
/// <see cref="BanditEstimator"/>, so the study measures regret against a fixed 50/50 split and the bias of the naive
/// pooled estimate against the stratified and inverse-propensity ones. Run i uses its own generator seeded from
/// (seed, i), so results do not depend on the number of threads.
/// </summary>
public static class BanditSimulation
{
    /// <summary>Runs both studies.</summary>
    public static BanditSimulationResult Run(BanditSimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var runs = options.Runs;
        var periods = options.Periods;
        var bestTraffic = new double[runs];
        var regret = new double[runs, periods];
        var naive = new double[runs];
        var stratified = new double[runs];
        var ipw = new double[runs];
        var covered = new bool[runs];
        var ipwCovered = new bool[runs];
        var trueLift = options.TrueRates[^1] - options.TrueRates[0];
        Parallel.For(
            0,
            runs,
            new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken },
            run =>
            {
                var seedStyle = SeedStyle(options, new SeededRandom(PeekingSimulation.TrialSeed(options.Seed, run)));
                bestTraffic[run] = seedStyle.Traffic[BestArm(options.TrueRates)];
                var estimate = Batched(options, new SeededRandom(PeekingSimulation.TrialSeed(options.Seed ^ 0x5EED, run)), regret, run);
                naive[run] = estimate.Naive[^1] - estimate.Naive[0];
                stratified[run] = estimate.Lift.Value;
                ipw[run] = estimate.InverseProbability[^1] - estimate.InverseProbability[0];
                covered[run] = estimate.Lift.CiLow <= trueLift && trueLift <= estimate.Lift.CiHigh;
                ipwCovered[run] = estimate.InverseProbabilityLift.CiLow <= trueLift && trueLift <= estimate.InverseProbabilityLift.CiHigh;
            });

        var first = SeedStyle(options, new SeededRandom(PeekingSimulation.TrialSeed(options.Seed, 0)));
        var gap = FixedSplitGap(options.TrueRates);
        var curve = new List<RegretPoint>(periods);
        for (var p = 0; p < periods; p++)
        {
            var pulls = Math.Min(options.Pulls, (p + 1) * options.BatchSize);
            curve.Add(new RegretPoint(p, pulls, Summarize(Enumerable.Range(0, runs).Select(r => regret[r, p]).ToArray()), pulls * gap));
        }

        return new BanditSimulationResult(
            first,
            Summarize(bestTraffic),
            curve,
            curve[^1].Bandit,
            curve[^1].FixedSplit,
            trueLift,
            Summarize(naive.Select(x => x - trueLift).ToArray()),
            Summarize(stratified.Where(double.IsFinite).Select(x => x - trueLift).ToArray()),
            Summarize(ipw.Select(x => x - trueLift).ToArray()),
            (double)covered.Count(c => c) / runs,
            runs)
        {
            InverseProbabilityCoverage = (double)ipwCovered.Count(c => c) / runs,
        };
    }

    /// <summary>Seed 001's loop: Beta(1, 1) priors, one Thompson draw per pull, update after every reward, no drift.</summary>
    internal static SeedStyleRun SeedStyle(BanditSimulationOptions options, SeededRandom random)
    {
        var k = options.TrueRates.Count;
        var successes = Enumerable.Repeat(1L, k).ToArray();
        var failures = Enumerable.Repeat(1L, k).ToArray();
        var pulls = new long[k];
        var arms = new ArmPosterior[k];
        for (var pull = 0; pull < options.Pulls; pull++)
        {
            for (var i = 0; i < k; i++)
            {
                arms[i] = new ArmPosterior(PosteriorFamily.Beta, successes[i], failures[i], pulls[i]);
            }

            var arm = ProbabilityBest.Thompson(arms, random);
            var reward = random.NextDouble() < options.TrueRates[arm];
            successes[arm] += reward ? 1 : 0;
            failures[arm] += reward ? 0 : 1;
            pulls[arm]++;
        }

        return new SeedStyleRun(pulls, successes, failures);
    }

    private static BanditEstimate Batched(BanditSimulationOptions options, SeededRandom random, double[,] regret, int run)
    {
        var k = options.TrueRates.Count;
        var successes = new long[k];
        var counts = new long[k];
        var weights = Enumerable.Repeat(1.0 / k, k).ToArray();
        var cells = new List<BanditCell>(options.Periods * k);
        var periodSuccesses = new long[k];
        var periodCounts = new long[k];
        var cumulative = 0.0;
        var best = options.TrueRates.Max();
        for (var p = 0; p < options.Periods; p++)
        {
            var shift = options.Periods == 1 ? 0 : options.Drift * p / (options.Periods - 1);
            Array.Clear(periodSuccesses);
            Array.Clear(periodCounts);
            var units = Math.Min(options.BatchSize, options.Pulls - (p * options.BatchSize));
            for (var u = 0; u < units; u++)
            {
                var arm = CategoricalDraw.Index(weights, random.NextDouble());
                var reward = random.NextDouble() < options.TrueRates[arm] + shift;
                periodSuccesses[arm] += reward ? 1 : 0;
                periodCounts[arm]++;
                cumulative += best - options.TrueRates[arm];
            }

            regret[run, p] = cumulative;
            for (var a = 0; a < k; a++)
            {
                if (periodCounts[a] > 0)
                {
                    cells.Add(new BanditCell(p, a, Moments.FromProportion(periodSuccesses[a], periodCounts[a]), weights[a]));
                }

                successes[a] += periodSuccesses[a];
                counts[a] += periodCounts[a];
            }

            var posteriors = Enumerable.Range(0, k).Select(a => ArmPosterior.FromBinary(successes[a], counts[a], BetaPrior.Flat)).ToArray();
            weights = ThompsonAllocation.Compute(posteriors, options.Thompson, weights).Weights.ToArray();
        }

        return BanditEstimator.Estimate(cells, k, 0, k - 1, options.Alpha);
    }


    private static int BestArm(IReadOnlyList<double> rates)
    {
        var best = 0;
        for (var i = 1; i < rates.Count; i++)
        {
            best = rates[i] > rates[best] ? i : best;
        }

        return best;
    }

    /// <summary>Expected regret per pull of an equal split: max rate − mean rate.</summary>
    private static double FixedSplitGap(IReadOnlyList<double> rates) => rates.Max() - rates.Average();

    internal static SpreadSummary Summarize(double[] values)
    {
        if (values.Length == 0)
        {
            return new SpreadSummary(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        var sorted = values.Order().ToArray();
        var mean = sorted.Average();
        var sd = sorted.Length > 1 ? Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1)) : 0;
        var half = 1.959963984540054 * sd / Math.Sqrt(sorted.Length);
        return new SpreadSummary(mean, mean - half, mean + half, Quantile(sorted, 0.025), Quantile(sorted, 0.5), Quantile(sorted, 0.975));
    }

    /// <summary>Linear interpolation between order statistics (Hyndman and Fan 1996, type 7; numpy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        var h = (sorted.Length - 1) * q;
        var lo = (int)Math.Floor(h);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((h - lo) * (sorted[hi] - sorted[lo]));
    }
}
