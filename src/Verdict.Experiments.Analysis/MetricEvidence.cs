using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// Whether there is anything to test: a metric none of whose events occur in the store, or an experiment with no
/// exposures, would otherwise compare 0 with 0 and pass. Such a check fails with this evidence instead (docs/analysis.md).
/// </summary>
internal static class MetricEvidence
{
    /// <summary>Why <paramref name="metric"/> has nothing to test, or null when it has (or the source does not say).</summary>
    public static AbsentEventsEvidence? Absence(ExperimentBrief brief, MetricData data, string metric)
    {
        if (data.Population.EventsByName is not { } counts || !brief.Metrics.TryGetValue(metric, out var definition))
        {
            return null;
        }

        if (definition.Type == MetricType.Ratio)
        {
            return (definition.Numerator is { } n ? Absence(brief, data, n) : null) ?? (definition.Denominator is { } d ? Absence(brief, data, d) : null);
        }

        if (definition.Events.Count == 0 || definition.Events.Any(e => counts.GetValueOrDefault(e) > 0))
        {
            return null;
        }

        return new AbsentEventsEvidence(metric, definition.Events);
    }

    /// <summary>Why the experiment has no exposures to analyse (naming whether its key is absent), or null when it has some.</summary>
    public static NoExposuresEvidence? NoExposures(ExperimentBrief brief, MetricData data)
    {
        if (data.Population.UnitsPerArm.Values.Sum() > 0 || data.Population.MultiArmUnits > 0 || data.Population.BurnInUnits > 0)
        {
            return null;
        }

        return new NoExposuresEvidence(brief.Key, brief.Version, data.Population.VersionsInStore);
    }
}
