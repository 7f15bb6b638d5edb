namespace Verdict.Statistics.Bandits;

/// <summary>Cumulative regret after <see cref="Pulls"/> pulls: the bandit's over runs, and the 50/50 split's expectation.</summary>
public sealed record RegretPoint(int Period, int Pulls, SpreadSummary Bandit, double FixedSplit);
