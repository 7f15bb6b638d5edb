using System.Globalization;
using Verdict.Experiments.Analysis;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Benchmarks.Analysis;

/// <summary>
/// Checks that the expert statement's numbers equal the analysis's: the same cells, quantile cells and population, every
/// moment within 1e-10 relative (the co-moment relative to √(Sxx·Syy), since it can be near zero while both are
/// large), counts and order-statistic ranks exactly.
/// </summary>
public static class ExpertCheck
{
    /// <summary>The relative tolerance.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>How many numbers were compared, and the differences beyond <paramref name="tolerance"/> (relative) found.</summary>
    public static (int Compared, List<string> Differences) Compare(MetricData analysis, MetricData expert, double tolerance = Tolerance)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(expert);
        var differences = new List<string>();
        var compared = 0;
        void Near(string what, double a, double b, double scale = 0)
        {
            compared++;
            var bound = tolerance * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), scale);
            if (!(Math.Abs(a - b) <= bound) && !(double.IsNaN(a) && double.IsNaN(b)))
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: analysis {a:R}, expert {b:R}"));
            }
        }

        void Same<T>(string what, T a, T b)
        {
            compared++;
            if (!EqualityComparer<T>.Default.Equals(a, b))
            {
                differences.Add($"{what}: analysis {a}, expert {b}");
            }
        }

        var cells = expert.Cells.ToDictionary(c => c.Key);
        Same("cells", analysis.Cells.Count, expert.Cells.Count);
        foreach (var cell in analysis.Cells)
        {
            if (!cells.TryGetValue(cell.Key, out var other))
            {
                differences.Add($"{cell.Key}: missing from the expert's cells");
                continue;
            }

            BivariateMoments a = cell.Moments, b = other.Moments;
            Same($"{cell.Key} n", a.Count, b.Count);
            Near($"{cell.Key} mean x", a.MeanX, b.MeanX);
            Near($"{cell.Key} mean y", a.MeanY, b.MeanY);
            Near($"{cell.Key} Sxx", a.SxX, b.SxX);
            Near($"{cell.Key} Syy", a.SyY, b.SyY);
            Near($"{cell.Key} Sxy", a.SxY, b.SxY, Math.Sqrt(a.SxX * a.SyY));
        }

        var quantiles = expert.Quantiles.ToDictionary(q => q.Key);
        Same("quantile cells", analysis.Quantiles.Count, expert.Quantiles.Count);
        foreach (var cell in analysis.Quantiles)
        {
            if (!quantiles.TryGetValue(cell.Key, out var other))
            {
                differences.Add($"{cell.Key}: missing from the expert's quantiles");
                continue;
            }

            Same($"{cell.Key} ranks", cell.Estimate.Ranks, other.Estimate.Ranks);
            Near($"{cell.Key} value", cell.Estimate.Value, other.Estimate.Value);
            Near($"{cell.Key} low", cell.Estimate.CiLow, other.Estimate.CiLow);
            Near($"{cell.Key} high", cell.Estimate.CiHigh, other.Estimate.CiHigh);
        }

        PopulationSummary p = analysis.Population, q = expert.Population;
        foreach (var (arm, n) in p.UnitsPerArm)
        {
            Same($"units of {arm}", n, q.UnitsPerArm.GetValueOrDefault(arm));
        }

        Same("segments", p.UnitsPerSegment.Count, q.UnitsPerSegment.Count);
        foreach (var (segment, values) in p.UnitsPerSegment)
        {
            Same($"values of {segment}", values.Count, q.UnitsPerSegment.TryGetValue(segment, out var v) ? v.Count : 0);
            foreach (var (value, arms) in values)
            {
                foreach (var (arm, n) in arms)
                {
                    Same($"units of {segment}={value} in {arm}", n, q.UnitsPerSegment.GetValueOrDefault(segment)?.GetValueOrDefault(value)?.GetValueOrDefault(arm) ?? -1);
                }
            }
        }

        Same("multi-arm units", p.MultiArmUnits, q.MultiArmUnits);
        Same("burn-in units", p.BurnInUnits, q.BurnInUnits);
        Same("unknown-arm exposures", p.UnknownArmExposures, q.UnknownArmExposures);
        Same("first exposure", p.FirstExposure, q.FirstExposure);
        Same("last exposure", p.LastExposure, q.LastExposure);
        Same("receipt mismatches", string.Join(",", p.ReceiptMismatches.OrderBy(m => m.Key, StringComparer.Ordinal)), string.Join(",", q.ReceiptMismatches.OrderBy(m => m.Key, StringComparer.Ordinal)));
        Same("events by name", string.Join(",", p.EventsByName!.OrderBy(m => m.Key, StringComparer.Ordinal)), string.Join(",", q.EventsByName!.OrderBy(m => m.Key, StringComparer.Ordinal)));
        Same("versions", string.Join(",", p.VersionsInStore!), string.Join(",", q.VersionsInStore!));
        return (compared, differences);
    }
}
