namespace Verdict.Statistics.Bandits;

/// <summary>One per-pull Thompson run as seed 001 prints it: pulls, and Beta parameters including the Beta(1, 1) prior.</summary>
public sealed record SeedStyleRun(IReadOnlyList<long> Traffic, IReadOnlyList<long> Successes, IReadOnlyList<long> Failures);
