using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>A bootstrap percentile interval.</summary>
/// <param name="Value">The statistic on the original sample.</param>
/// <param name="CiLow">Lower percentile.</param>
/// <param name="CiHigh">Upper percentile.</param>
/// <param name="Resamples">Number of bootstrap resamples.</param>
/// <param name="Seed">Seed of the resampling generator.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record BootstrapInterval(double Value, double CiLow, double CiHigh, int Resamples, int Seed, IReadOnlyList<Diagnostic> Diagnostics);
