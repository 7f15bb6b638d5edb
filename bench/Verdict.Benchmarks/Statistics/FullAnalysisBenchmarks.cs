using BenchmarkDotNet.Attributes;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.Integrity;
using Verdict.Statistics.MultipleTesting;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Benchmarks.Statistics;

/// <summary>All statistics of one analysis: 50 metrics × 20 segments × 2 arms, plus SRM and a correction.</summary>
[MemoryDiagnoser]
public class FullAnalysisBenchmarks
{
    private const int Metrics = 50;
    private const int Segments = 20;
    private BivariateMoments[,,] cells = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        cells = new BivariateMoments[Metrics, Segments, 2];
        for (var m = 0; m < Metrics; m++)
        {
            for (var s = 0; s < Segments; s++)
            {
                for (var a = 0; a < 2; a++)
                {
                    var n = 10_000 + random.Next(1000);
                    var mean = 100 + random.NextDouble();
                    var x = mean * n;
                    cells[m, s, a] = BivariateMoments.FromSums(n, x, x * 1.01, (mean * mean + 900) * n, (mean * mean * 1.02 + 950) * n, (mean * mean * 1.01 + 600) * n);
                }
            }
        }
    }

    [Benchmark]
    public double AllMetricsAllSegments()
    {
        var pValues = new double[Metrics];
        double checksum = 0;
        for (var m = 0; m < Metrics; m++)
        {
            var totalControl = BivariateMoments.Empty;
            var totalTreatment = BivariateMoments.Empty;
            for (var s = 0; s < Segments; s++)
            {
                var c = cells[m, s, 0];
                var t = cells[m, s, 1];
                totalControl += c;
                totalTreatment += t;
                checksum += Cuped.Compare(c, t).Adjusted.Absolute.PValue;
                checksum += TwoMeans.Compare(c.Y, t.Y).Absolute.PValue;
                checksum += RatioMetric.Compare(c, t).Absolute.PValue;
                checksum += SampleRatioMismatch.Test([c.Count, t.Count], [0.5, 0.5]).PValue;
            }

            pValues[m] = Cuped.Compare(totalControl, totalTreatment).Adjusted.Absolute.PValue;
        }

        var adjusted = PValueAdjustment.Adjust(pValues, PValueAdjustmentMethod.BenjaminiHochberg);
        return checksum + adjusted[0];
    }
}
