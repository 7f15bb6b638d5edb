using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Integrity;

/// <summary>The outcome of a sample-ratio-mismatch test: Pearson's χ², its degrees of freedom and p-value, and the alert.</summary>
public sealed record SampleRatioMismatchResult(
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue,
    bool Mismatch,
    double Threshold,
    IReadOnlyList<double> ExpectedCounts,
    IReadOnlyList<int> ExcludedArms,
    IReadOnlyList<Diagnostic> Diagnostics);
