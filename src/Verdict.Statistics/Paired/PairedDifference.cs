using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Paired;

/// <summary>The mean paired difference (treatment − control) over <paramref name="Count"/> cases, with its interval.</summary>
/// <param name="Count">Number of paired cases.</param>
/// <param name="Difference">Mean difference, standard error, interval and p-values.</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record PairedDifference(long Count, Estimate Difference, IReadOnlyList<Diagnostic> Diagnostics);
