using Verdict.Experiments.Analysis;
using Verdict.Statistics.Quantiles;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Testing;

/// <summary>
/// Builds <see cref="MetricData"/> for the example brief from seeded per-unit draws, so analyzer tests need no store.
/// Binary metrics are Bernoulli; p95 latency is log-normal with the given medians.
/// </summary>
internal sealed class SyntheticData
{
    private readonly Random random;
    private readonly List<MetricCell> cells = [];
    private readonly List<QuantileCell> quantiles = [];
    private readonly Dictionary<string, long> units = new(StringComparer.Ordinal);

    public SyntheticData(int seed) => random = new Random(seed);

    public long MultiArm { get; set; }

    public Dictionary<string, long> ReceiptMismatches { get; } = new(StringComparer.Ordinal) { ["control"] = 0, ["treatment"] = 0 };

    public Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>> Segments { get; } = new(StringComparer.Ordinal);

    /// <summary>Adds an arm with its rates: resolution (with a pre-period covariate), escalation, grounding failure and latency median.</summary>
    public SyntheticData Arm(string arm, long n, double resolution, double escalation = 0.155, double grounding = 0.011, double latencyMedian = 1000, double prior = 0.45, CellScope scope = CellScope.Overall, string? scopeName = null, string? scopeValue = null)
    {
        if (scope == CellScope.Overall)
        {
            units[arm] = n;
        }

        var resolved = BivariateMoments.Empty;
        Moments escalated = default, grounded = default;
        var latencies = new double[n];
        for (var i = 0; i < n; i++)
        {
            var x = random.NextDouble() < prior ? 1.0 : 0.0;
            var p = Math.Clamp(resolution + (0.46 * (x - prior)), 0, 1);
            var y = random.NextDouble() < p ? 1.0 : 0.0;
            resolved += new BivariateMoments(1, x, y, 0, 0, 0);
            escalated = escalated.Add(random.NextDouble() < escalation ? 1 : 0);
            grounded = grounded.Add(random.NextDouble() < grounding ? 1 : 0);
            latencies[i] = latencyMedian * Math.Exp(0.101 * Normal(random));
        }

        cells.Add(new MetricCell("resolved_conversation_rate", arm, scope, scopeName, scopeValue, resolved));
        cells.Add(new MetricCell("escalation_rate", arm, scope, scopeName, scopeValue, new BivariateMoments(escalated.Count, 0, escalated.Mean, 0, escalated.SumOfSquaredDeviations, 0)));
        cells.Add(new MetricCell("grounded_answer_failure_rate", arm, scope, scopeName, scopeValue, new BivariateMoments(grounded.Count, 0, grounded.Mean, 0, grounded.SumOfSquaredDeviations, 0)));
        if (scope != CellScope.Day)
        {
            quantiles.Add(new QuantileCell("p95_latency", arm, scope, scopeName, scopeValue, QuantileEstimate.FromValues(latencies, 0.95)));
        }

        return this;
    }

    public MetricData Build() => new(
        new PopulationSummary
        {
            UnitsPerArm = units,
            UnitsPerSegment = Segments,
            MultiArmUnits = MultiArm,
            ReceiptMismatches = ReceiptMismatches,
        },
        cells,
        quantiles);

    /// <summary>A standard normal draw (Box–Muller).</summary>
    public static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
