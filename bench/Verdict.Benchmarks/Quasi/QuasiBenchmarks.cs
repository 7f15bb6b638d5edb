using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Benchmarks.Quasi;

/// <summary>
/// Off-policy evaluation on logged decisions and difference-in-differences on panels (docs/ope.md,
/// docs/quasi-experiments.md). The peer baseline for the fixed effects is the textbook regression with every unit and
/// period dummy written out, solved by MathNet's QR, on the same 500-unit panel.
/// </summary>
[MemoryDiagnoser]
public class QuasiBenchmarks
{
    private List<LoggedDecision> decisions = [];
    private List<PanelObservation> panel = [];
    private List<PanelObservation> largePanel = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        decisions = Enumerable.Range(0, 100_000).Select(_ =>
        {
            var x = new[] { random.NextDouble(), random.NextDouble() < 0.5 ? 1.0 : 0.0 };
            var action = random.Next(3);
            return new LoggedDecision(action, 1.0 / 3, (0.3 * action) + x[0] + random.NextDouble(), x, [0.2, 0.5, 0.3]);
        }).ToList();
        panel = Panel(random, 500, 10);
        largePanel = Panel(random, 20_000, 10);
    }

    private static List<PanelObservation> Panel(Random random, int units, int periods)
    {
        var rows = new List<PanelObservation>(units * periods);
        for (var u = 0; u < units; u++)
        {
            var effect = random.NextDouble();
            for (var t = 0; t < periods; t++)
            {
                var treated = u % 2 == 0 && t >= periods / 2;
                rows.Add(new PanelObservation(u, t, u, treated, effect + (0.1 * t) + (treated ? 0.5 : 0) + random.NextDouble()));
            }
        }

        return rows;
    }

    /// <summary>Two-way fixed effects with every dummy written out, solved by QR (500 units × 10 periods): the peer baseline.</summary>
    [Benchmark(Baseline = true)]
    public double TwfeDummyRegressionMathNet()
    {
        const int units = 500, periods = 10;
        var x = Matrix<double>.Build.Dense(panel.Count, units + periods, (i, j) =>
            j == 0 ? (panel[i].Treated ? 1 : 0) : j <= units ? (panel[i].Unit == j - 1 ? 1 : 0) : (panel[i].Period == j - units ? 1 : 0));
        var y = Vector<double>.Build.Dense(panel.Count, i => panel[i].Outcome);
        return x.QR().Solve(y)[0];
    }

    /// <summary>2×2, two-way fixed effects and the event study with cluster-robust errors (500 units × 10 periods).</summary>
    [Benchmark]
    public double DifferenceInDifferences500Units() => DifferenceInDifferences.Estimate(panel).TwoWayFixedEffects.Value;

    /// <summary>The same on 20,000 units × 10 periods (200,000 rows).</summary>
    [Benchmark]
    public double DifferenceInDifferences20000Units() => DifferenceInDifferences.Estimate(largePanel).TwoWayFixedEffects.Value;

    /// <summary>IPS, SNIPS and cross-fitted doubly robust with influence-function intervals on 100,000 decisions.</summary>
    [Benchmark]
    public double OffPolicy100000Decisions() => OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { BootstrapResamples = 0 }).Estimates[2].Value.Value;

    /// <summary>The same with a 200-resample bootstrap.</summary>
    [Benchmark]
    public double OffPolicy100000DecisionsBootstrap200() => OffPolicyEvaluation.Evaluate(decisions, new OffPolicyOptions { BootstrapResamples = 200 }).Estimates[2].BootstrapLow;
}
