using System.Globalization;
using Verdict.Assignment.Interleaving;

namespace Verdict.Experiments.Simulation.Interleaving;

/// <summary>
/// One query of the cascade click model of <see cref="InterleavingSimulationOptions"/>: draws graded candidates and
/// both rankers' lists, clicks a list, or interleaves the two (team draft) and clicks the result. Reuses its buffers;
/// one instance per worker.
/// </summary>
internal sealed class ClickModelQuery(InterleavingSimulationOptions o)
{
    private readonly int[] grades = new int[o.Documents];
    private readonly string[] ids = Enumerable.Range(0, o.Documents).Select(d => d.ToString(CultureInfo.InvariantCulture)).ToArray();
    private readonly Dictionary<string, int> index = Enumerable.Range(0, o.Documents).ToDictionary(d => d.ToString(CultureInfo.InvariantCulture), d => d, StringComparer.Ordinal);
    private readonly double[] scores = new double[o.Documents];
    private readonly int[] order = new int[o.Documents];
    private readonly string[] rankingA = new string[o.ListLength];
    private readonly string[] rankingB = new string[o.ListLength];
    private readonly InterleavedItem[] shown = new InterleavedItem[o.ListLength];
    private readonly string[] interleaved = new string[o.ListLength];
    private readonly int[] clicked = new int[o.ListLength];
    private int written;
    private int clicks;

    /// <summary>Ranker A's list for the current query.</summary>
    public ReadOnlySpan<string> RankingA => rankingA;

    /// <summary>Ranker B's list for the current query.</summary>
    public ReadOnlySpan<string> RankingB => rankingB;

    /// <summary>The interleaved list of the last <see cref="InterleaveAndClick"/>.</summary>
    public ReadOnlySpan<InterleavedItem> Shown => shown.AsSpan(0, written);

    /// <summary>The clicks of the last <see cref="InterleaveAndClick"/> credited to A and B by the options' method.</summary>
    public (int A, int B) Credit() => o.Method == InterleavingMethod.TeamDraft
        ? InterleavingCredit.TeamDraft(Shown, ClickedPositions)
        : InterleavingCredit.Balanced(rankingA, rankingB, Shown, ClickedPositions);

    /// <summary>The clicked positions of the last <see cref="InterleaveAndClick"/>.</summary>
    public ReadOnlySpan<int> ClickedPositions => clicked.AsSpan(0, clicks);

    /// <summary>Draws the candidates' grades and both rankers' lists.</summary>
    public void Draw(ref UnitRandom random)
    {
        for (var d = 0; d < grades.Length; d++)
        {
            grades[d] = Grade(random.NextDouble());
        }

        Rank(ref random, o.NoiseA, rankingA);
        Rank(ref random, o.NoiseB, rankingB);
    }

    /// <summary>Whether a user clicks anything on <paramref name="list"/>.</summary>
    public bool AnyClick(ref UnitRandom random, ReadOnlySpan<string> list) => Clicks(ref random, list, null) > 0;

    /// <summary>Interleaves the two lists with <paramref name="coins"/> (the options' method) and clicks the result.</summary>
    public void InterleaveAndClick(ref UnitRandom random, ulong coins)
    {
        written = o.Method == InterleavingMethod.TeamDraft
            ? TeamDraftInterleaving.Interleave(rankingA, rankingB, coins, shown)
            : BalancedInterleaving.Interleave(rankingA, rankingB, (coins >> 63) == 0, shown);
        for (var i = 0; i < written; i++)
        {
            interleaved[i] = shown[i].Item;
        }

        clicks = Clicks(ref random, interleaved.AsSpan(0, written), clicked);
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
