namespace Verdict.Experiments.Metrics;

/// <summary>The CUPED covariate of a metric: a metric (the same or another) measured over <see cref="Lookback"/> before exposure.</summary>
public sealed record CupedCovariate(string Metric, TimeSpan Lookback, CovariatePeriod Period);
