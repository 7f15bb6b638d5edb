namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>The sequential looks the monitor has taken: how many registered looks they covered, and the information fractions they were taken at.</summary>
/// <param name="Reached">Registered looks reached.</param>
/// <param name="Fractions">The realized information fraction of each look taken, oldest first (capped at 1).</param>
public sealed record LookHistory(int Reached, IReadOnlyList<double> Fractions);
