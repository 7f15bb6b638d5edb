using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>Computes one monitor window's sufficient statistics, by the same metric definitions and SQL as the analysis.</summary>
public interface IMetricWindowSource
{
    /// <summary>The cells of the units first exposed in [<paramref name="start"/>, <paramref name="end"/>), measured up to <paramref name="end"/>.</summary>
    MetricData LoadWindow(ExperimentBrief brief, DateTimeOffset start, DateTimeOffset end);
}
