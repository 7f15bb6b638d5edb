using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.Benchmarks.Analysis;

/// <summary>One full analysis as <c>verdict analyze</c> runs it: the plan resolved once, the aggregates through <see cref="IMetricSource"/>.</summary>
internal static class FullAnalysis
{
    /// <summary>The analysis of <paramref name="brief"/> over <paramref name="store"/>.</summary>
    public static AnalysisReport Run(EventStore store, ExperimentBrief brief)
    {
        var plan = ResolvedPlan.From(brief);
        IMetricSource source = new SqlMetricSource(store);
        return LaunchAnalyzer.Analyze(plan, source.LoadAsync(plan, null).GetAwaiter().GetResult());
    }
}
