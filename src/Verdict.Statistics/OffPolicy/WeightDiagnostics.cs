using System.Globalization;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.OffPolicy;

/// <summary>Summarizes importance weights and flags the ones that make an off-policy estimate untrustworthy.</summary>
internal static class WeightDiagnostics
{
    public static ImportanceWeights Summarize(double[] raw, double[] used, int clipped, OffPolicyOptions options, ref List<Diagnostic>? diagnostics)
    {
        var n = raw.Length;
        var sorted = raw.Order().ToArray();
        var mean = raw.Average();
        double sum = 0, squares = 0, largest = 0;
        foreach (var w in used)
        {
            sum += w;
            squares += w * w;
            largest = Math.Max(largest, w);
        }

        // Kish (1965): the number of equally weighted decisions that would give the same variance.
        var ess = squares == 0 ? 0 : sum * sum / squares;
        var histogram = new int[ImportanceWeights.BinEdges.Count];
        foreach (var w in raw)
        {
            var bin = ImportanceWeights.BinEdges.Count - 1;
            while (bin > 0 && w < ImportanceWeights.BinEdges[bin])
            {
                bin--;
            }

            histogram[bin]++;
        }

        if (ess < options.MinEffectiveSampleFraction * n)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.LowEffectiveSampleSize, string.Create(CultureInfo.InvariantCulture,
                $"the weights leave an effective sample of {ess:F0} of {n} decisions ({ess / n:P1}): the candidate strays far from the logger and the estimate rests on few decisions")));
        }

        if (sum > 0 && largest / sum > options.MaxWeightShare)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.DominantWeight, string.Create(CultureInfo.InvariantCulture,
                $"one decision carries {largest / sum:P1} of the total weight (weight {largest:G4}); consider clipping (--max-weight) and read the doubly robust estimate")));
        }

        // E[w] = 1 when propensities are right and the logger covers every action the candidate takes.
        var sd = Math.Sqrt(raw.Sum(w => (w - mean) * (w - mean)) / (n - 1));
        if (Math.Abs(mean - 1) > Math.Max(3 * sd / Math.Sqrt(n), 0.02))
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.WeightImbalance, string.Create(CultureInfo.InvariantCulture,
                $"the unclipped weights average {mean:G4}, not 1 (± {3 * sd / Math.Sqrt(n):G2}): the logged propensities are wrong or the candidate takes actions the logger never took; IPS is biased, prefer self-normalized or doubly robust")));
        }

        return new ImportanceWeights(
            mean,
            sorted[^1],
            OffPolicyTerms.Percentile(sorted, 0.5),
            OffPolicyTerms.Percentile(sorted, 0.9),
            OffPolicyTerms.Percentile(sorted, 0.99),
            ess,
            raw.Count(w => w == 0) / (double)n,
            clipped,
            histogram);
    }
}
