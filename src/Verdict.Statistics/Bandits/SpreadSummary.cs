namespace Verdict.Statistics.Bandits;

/// <summary>Mean over runs with a 95% interval for the mean (±1.96 SE), and the 2.5%, 50% and 97.5% quantiles of the runs.</summary>
public sealed record SpreadSummary(double Mean, double MeanCiLow, double MeanCiHigh, double Low, double Median, double High);
