using MathNet.Numerics.Distributions;
using Verdict.Statistics.AlwaysValid;
using Verdict.Statistics.Sequential;

namespace Verdict.Statistics.Simulation;

/// <summary>
/// Seeded simulation of peeking at A/A tests (seed 000's <c>simulate-peeking.py</c>): every trial runs the same data
/// past four policies (<see cref="PeekingPolicy"/>), with the unpooled Wald z of two proportions at each look. Trial i
/// draws from a generator seeded by SplitMix64(seed, i), so runs are reproducible on any number of threads.
/// </summary>
public static class PeekingSimulation
{
    private static readonly PeekingPolicy[] Policies = Enum.GetValues<PeekingPolicy>();

    /// <summary>Runs the study; <paramref name="progress"/> receives the number of finished trials.</summary>
    public static PeekingSimulationResult Run(PeekingSimulationOptions options, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var fractions = Enumerable.Range(1, options.Looks).Select(k => (double)k / options.Looks).ToArray();
        var plan = GroupSequentialDesign.Create(new GroupSequentialOptions { InformationFractions = fractions, Alpha = options.Alpha, Sides = 2 });
        var tuning = options.TuningUnits ?? 2.0 * options.Looks * options.BatchSize;
        var critical = Normal.InvCDF(0, 1, 1 - (options.Alpha / 2));
        var wins = new bool[Policies.Length, options.Trials];
        const int chunk = 64;
        var chunks = (options.Trials + chunk - 1) / chunk;
        var done = 0;
        Parallel.For(
            0,
            chunks,
            new ParallelOptions
            {
                MaxDegreeOfParallelism = options.MaxDegreeOfParallelism ?? Environment.ProcessorCount,
                CancellationToken = cancellationToken,
            },
            c =>
            {
                var end = Math.Min(options.Trials, (c + 1) * chunk);
                for (var trial = c * chunk; trial < end; trial++)
                {
                    RunTrial(options, plan, fractions, critical, tuning, trial, wins);
                }

                progress?.Report(Interlocked.Add(ref done, end - (c * chunk)));
            });

        var outcomes = new PolicyOutcome[Policies.Length];
        for (var p = 0; p < Policies.Length; p++)
        {
            var count = 0;
            for (var trial = 0; trial < options.Trials; trial++)
            {
                count += wins[p, trial] ? 1 : 0;
            }

            var (low, high) = ClopperPearson(count, options.Trials, 0.05);
            outcomes[p] = new PolicyOutcome(Policies[p], count, options.Trials, (double)count / options.Trials, low, high);
        }

        return new PeekingSimulationResult(outcomes, plan.EfficacyBoundaries, tuning);
    }

    /// <summary>Exact binomial interval from Beta quantiles (Clopper and Pearson 1934).</summary>
    public static (double Low, double High) ClopperPearson(int successes, int trials, double alpha)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(successes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(successes, trials);
        var low = successes == 0 ? 0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var high = successes == trials ? 1 : Beta.InvCDF(successes + 1, trials - successes, 1 - (alpha / 2));
        return (low, high);
    }

    /// <summary>A well-mixed 32-bit seed for trial <paramref name="trial"/> (SplitMix64 finaliser, Steele et al. 2014).</summary>
    internal static int TrialSeed(int seed, int trial)
    {
        var z = ((ulong)(uint)seed << 32 | (uint)trial) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)((z ^ (z >> 31)) & int.MaxValue);
    }

    private static void RunTrial(
        PeekingSimulationOptions o, GroupSequentialDesign plan, double[] fractions, double critical, double tuning, int trial, bool[,] wins)
    {
        var random = new Random(TrialSeed(o.Seed, trial));
        var treatmentRate = o.TreatmentRate ?? o.Rate;
        long control = 0, treatment = 0, n = 0;
        bool naive = false, planned = false, alwaysValid = false;
        var z = 0.0;
        for (var look = 1; look <= o.Looks; look++)
        {
            for (var i = 0; i < o.BatchSize; i++)
            {
                control += random.NextDouble() < o.Rate ? 1 : 0;
                treatment += random.NextDouble() < treatmentRate ? 1 : 0;
            }

            n += o.BatchSize;
            var pc = (double)control / n;
            var pt = (double)treatment / n;
            var se = Math.Sqrt((pc * (1 - pc) / n) + (pt * (1 - pt) / n));
            if (!(se > 0))
            {
                z = 0;
                continue;
            }

            z = (pt - pc) / se;
            naive |= Math.Abs(z) > critical;
            planned |= plan.Evaluate(fractions.AsSpan(0, look), z).Action == LookAction.StopEfficacy;
            alwaysValid |= AsymptoticConfidenceSequence.Evaluate(pt - pc, se, 2 * n, tuning, o.Alpha).PValue <= o.Alpha;
        }

        wins[(int)PeekingPolicy.FixedHorizon, trial] = Math.Abs(z) > critical;
        wins[(int)PeekingPolicy.NaivePeeking, trial] = naive;
        wins[(int)PeekingPolicy.ObrienFlemingPlan, trial] = planned;
        wins[(int)PeekingPolicy.AlwaysValid, trial] = alwaysValid;
    }
}
