using Verdict.Experiments.Briefs;
using Verdict.Experiments.Quantities;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Testing;

namespace Verdict.Experiments.Analysis.Tests.Monitoring;

/// <summary>Monitor windows built from moments (no store): the example brief with a monitor block, and one window's cells.</summary>
internal static class MonitorWindows
{
    public static ExperimentBrief Brief(string metric, HarmfulDirection harmful, Quantity threshold, double alpha = 0.05, int consecutive = 1, long minimum = 2, MonitorAction action = MonitorAction.Alert)
    {
        var brief = Example.Brief();
        var guardrail = new Guardrail(metric, harmful, threshold, GuardrailRule.ObservedDelta, null)
        {
            Monitor = new GuardrailMonitor(TimeSpan.FromHours(1), threshold, minimum, consecutive, action, alpha),
        };
        return brief with { Guardrails = [guardrail] };
    }

    /// <summary>A window with one overall cell per arm for <paramref name="metric"/>.</summary>
    public static MetricData Window(string metric, (long N, double Mean, double Sd) control, (long N, double Mean, double Sd) treatment)
    {
        static BivariateMoments M((long N, double Mean, double Sd) a) => new(a.N, 0, a.Mean, 0, a.Sd * a.Sd * (a.N - 1), 0);
        var population = new PopulationSummary
        {
            UnitsPerArm = new Dictionary<string, long> { ["control"] = control.N, ["treatment"] = treatment.N },
            UnitsPerSegment = new Dictionary<string, IReadOnlyDictionary<string, IReadOnlyDictionary<string, long>>>(),
            ReceiptMismatches = new Dictionary<string, long>(),
        };
        return new MetricData(population, [new MetricCell(metric, "control", CellScope.Overall, null, null, M(control)), new MetricCell(metric, "treatment", CellScope.Overall, null, null, M(treatment))], []);
    }

    /// <summary>A binary metric's window: the per-unit 0/1 moments of <paramref name="successes"/> out of <paramref name="n"/>.</summary>
    public static (long N, double Mean, double Sd) Proportion(long successes, long n)
    {
        var p = (double)successes / n;
        return (n, p, Math.Sqrt(p * (1 - p) * n / (n - 1)));
    }
}
