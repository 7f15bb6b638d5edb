using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>A proportion with a two-sided confidence interval.</summary>
/// <param name="Successes">Successes counted (ties as half when used for a win rate).</param>
/// <param name="Count">Trials.</param>
/// <param name="Proportion">Successes / Count.</param>
/// <param name="CiLow">Lower end of the interval.</param>
/// <param name="CiHigh">Upper end of the interval.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record ProportionInterval(double Successes, long Count, double Proportion, double CiLow, double CiHigh, IReadOnlyList<Diagnostic> Diagnostics);
