using Verdict.Statistics.Interleaving;
using Verdict.Statistics.Power;

namespace Verdict.Experiments.Simulation.Interleaving;

/// <summary>
/// Interleaving against A/B on the same seeded click model (docs/interleaving.md, "Sensitivity"). For every query
/// both rankers' lists are clicked independently (the A/B arms) and an interleaved list (team draft or balanced) is
/// clicked once. Queries needed: A/B, n = 2(z₁₋α/₂ + z_power)²(σ²_A + σ²_B)/Δ² over both arms; interleaving, the
/// one-sample n = (z₁₋α/₂ + z_power)² Var(s)/E[s]² for the per-query score s ∈ {−1, 0, +1}. Their ratio does not depend
/// on alpha or power. Its 95% interval is the delete-one-block jackknife on the log ratio (Efron and Stein 1981).
/// </summary>
public static class InterleavingSimulation
{
    /// <summary>Runs the study.</summary>
    public static InterleavingSimulationResult Run(InterleavingSimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var blocks = new BlockSums[options.Blocks];
        Parallel.For(0, options.Blocks, new ParallelOptions { CancellationToken = cancellationToken }, block =>
        {
            var sums = default(BlockSums);
            var query = new ClickModelQuery(options);
            for (var q = 0; q < options.QueriesPerBlock; q++)
            {
                sums += Run(query, new UnitRandom(options.Seed, ((long)block * options.QueriesPerBlock) + q));
            }

            blocks[block] = sums;
        });

        var total = blocks.Aggregate(default(BlockSums), (x, y) => x + y);
        var ratio = Ratio(total);
        var logs = new double[options.Blocks];
        for (var b = 0; b < options.Blocks; b++)
        {
            logs[b] = Math.Log(Ratio(total - blocks[b]));
        }

        var mean = logs.Average();
        var se = Math.Sqrt((options.Blocks - 1.0) / options.Blocks * logs.Sum(l => (l - mean) * (l - mean)));
        var (queriesAB, queriesIL) = QueriesNeeded(total, options.Alpha, options.Power);
        return new InterleavingSimulationResult(
            (long)total.Count,
            total.ClicksA / total.Count,
            total.ClicksB / total.Count,
            queriesAB,
            total.WinsB / (total.WinsA + total.WinsB),
            (total.Count - total.WinsA - total.WinsB) / total.Count,
            queriesIL,
            ratio,
            ratio * Math.Exp(-1.959963984540054 * se),
            ratio * Math.Exp(1.959963984540054 * se));
    }

    private static double Ratio(BlockSums s)
    {
        var (ab, il) = VarianceOverSquaredEffect(s);
        return 2 * ab / il;
    }

    /// <summary>(σ²_A + σ²_B)/Δ² for A/B and Var(s)/E[s]² for interleaving.</summary>
    private static (double AB, double Interleaving) VarianceOverSquaredEffect(BlockSums s)
    {
        var pa = s.ClicksA / s.Count;
        var pb = s.ClicksB / s.Count;
        var ab = ((pa * (1 - pa)) + (pb * (1 - pb))) / ((pb - pa) * (pb - pa));
        var meanScore = (s.WinsB - s.WinsA) / s.Count;
        var varScore = ((s.WinsA + s.WinsB) / s.Count) - (meanScore * meanScore);
        return (ab, varScore / (meanScore * meanScore));
    }

    private static (double AB, double Interleaving) QueriesNeeded(BlockSums s, double alpha, double power)
    {
        var (ab, il) = VarianceOverSquaredEffect(s);
        // SampleSize.ForMeans with sd 1 and mde 1 gives 2(z₁₋α/₂ + z_power)² per arm; halve it for (z + z)².
        var zz = SampleSize.ForMeans(1, 1, alpha, power).ExactControl / 2;
        return (2 * zz * ab, zz * il);
    }

    /// <summary>One query: both rankers' lists clicked for the A/B arms, then an interleaved list clicked once.</summary>
    private static BlockSums Run(ClickModelQuery query, UnitRandom random)
    {
        query.Draw(ref random);
        var clicksA = query.AnyClick(ref random, query.RankingA) ? 1 : 0;
        var clicksB = query.AnyClick(ref random, query.RankingB) ? 1 : 0;
        query.InterleaveAndClick(ref random, random.NextBits());
        var (creditA, creditB) = query.Credit();
        var outcome = InterleavingTally.Outcome(creditA, creditB);
        return new BlockSums(1, clicksA, clicksB, outcome == QueryOutcome.A ? 1 : 0, outcome == QueryOutcome.B ? 1 : 0);
    }

    /// <summary>Sums over queries; the Bernoulli click-through variance and the score variance follow from them.</summary>
    private readonly record struct BlockSums(double Count, double ClicksA, double ClicksB, double WinsA, double WinsB)
    {
        public static BlockSums operator +(BlockSums x, BlockSums y) =>
            new(x.Count + y.Count, x.ClicksA + y.ClicksA, x.ClicksB + y.ClicksB, x.WinsA + y.WinsA, x.WinsB + y.WinsB);

        public static BlockSums operator -(BlockSums x, BlockSums y) =>
            new(x.Count - y.Count, x.ClicksA - y.ClicksA, x.ClicksB - y.ClicksB, x.WinsA - y.WinsA, x.WinsB - y.WinsB);
    }
}
