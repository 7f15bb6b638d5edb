using Verdict.Assignment;
using Verdict.Statistics;

namespace Verdict.Experiments;

/// <summary>
/// Interleaving against A/B on the same seeded click model (docs/interleaving.md, "Sensitivity"). For every query
/// both rankers' lists are clicked independently (the A/B arms) and a team-draft list is clicked once (the
/// interleaving). Queries needed: A/B, n = 2(z₁₋α/₂ + z_power)²(σ²_A + σ²_B)/Δ² over both arms; interleaving, the
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
            var query = new QuerySimulator(options);
            for (var q = 0; q < options.QueriesPerBlock; q++)
            {
                sums += query.Run(new UnitRandom(options.Seed, ((long)block * options.QueriesPerBlock) + q));
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

    /// <summary>Sums over queries; the Bernoulli click-through variance and the score variance follow from them.</summary>
    private readonly record struct BlockSums(double Count, double ClicksA, double ClicksB, double WinsA, double WinsB)
    {
        public static BlockSums operator +(BlockSums x, BlockSums y) =>
            new(x.Count + y.Count, x.ClicksA + y.ClicksA, x.ClicksB + y.ClicksB, x.WinsA + y.WinsA, x.WinsB + y.WinsB);

        public static BlockSums operator -(BlockSums x, BlockSums y) =>
            new(x.Count - y.Count, x.ClicksA - y.ClicksA, x.ClicksB - y.ClicksB, x.WinsA - y.WinsA, x.WinsB - y.WinsB);
    }

    /// <summary>One query at a time, reusing its buffers (one simulator per worker).</summary>
    private sealed class QuerySimulator(InterleavingSimulationOptions o)
    {
        private readonly int[] grades = new int[o.Documents];
        private readonly string[] ids = Enumerable.Range(0, o.Documents).Select(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        private readonly double[] scores = new double[o.Documents];
        private readonly int[] order = new int[o.Documents];
        private readonly string[] rankingA = new string[o.ListLength];
        private readonly string[] rankingB = new string[o.ListLength];
        private readonly InterleavedItem[] shown = new InterleavedItem[o.ListLength];
        private readonly int[] clicked = new int[o.ListLength];
        private readonly string[] interleaved = new string[o.ListLength];
        private readonly Dictionary<string, int> index = Enumerable.Range(0, o.Documents)
            .ToDictionary(d => d.ToString(System.Globalization.CultureInfo.InvariantCulture), d => d, StringComparer.Ordinal);

        public BlockSums Run(UnitRandom random)
        {
            for (var d = 0; d < grades.Length; d++)
            {
                grades[d] = Grade(random.NextDouble());
            }

            Rank(ref random, o.NoiseA, rankingA);
            Rank(ref random, o.NoiseB, rankingB);
            var clicksA = Clicks(ref random, rankingA, null) > 0 ? 1 : 0;
            var clicksB = Clicks(ref random, rankingB, null) > 0 ? 1 : 0;
            var written = TeamDraftInterleaving.Interleave(rankingA, rankingB, random.NextBits(), shown);
            for (var i = 0; i < written; i++)
            {
                interleaved[i] = shown[i].Item;
            }

            var count = Clicks(ref random, interleaved.AsSpan(0, written), clicked);
            var (creditA, creditB) = InterleavingCredit.TeamDraft(shown.AsSpan(0, written), clicked.AsSpan(0, count));
            var outcome = InterleavingTally.Outcome(creditA, creditB);
            return new BlockSums(1, clicksA, clicksB, outcome == QueryOutcome.A ? 1 : 0, outcome == QueryOutcome.B ? 1 : 0);
        }

        private int Grade(double u)
        {
            var cumulative = 0.0;
            for (var g = 0; g < 3; g++)
            {
                cumulative += o.GradeProbability[g];
                if (u < cumulative)
                {
                    return g;
                }
            }

            return 3;
        }

        private void Rank(ref UnitRandom random, double noise, string[] destination)
        {
            for (var d = 0; d < scores.Length; d++)
            {
                scores[d] = -(grades[d] + (noise * random.NextNormal()));
                order[d] = d;
            }

            Array.Sort(scores, order);
            for (var i = 0; i < destination.Length; i++)
            {
                destination[i] = ids[order[i]];
            }
        }

        /// <summary>Cascade clicks on a list; records clicked positions in <paramref name="positions"/> when given.</summary>
        private int Clicks(ref UnitRandom random, ReadOnlySpan<string> list, int[]? positions)
        {
            var count = 0;
            for (var i = 0; i < list.Length; i++)
            {
                var grade = grades[index[list[i]]];
                if (random.NextDouble() < o.ClickProbability[grade])
                {
                    if (positions is not null)
                    {
                        positions[count] = i;
                    }

                    count++;
                    if (random.NextDouble() < o.StopAfterClick)
                    {
                        break;
                    }
                }
                else if (random.NextDouble() < o.Abandon)
                {
                    break;
                }
            }

            return count;
        }
    }
}
