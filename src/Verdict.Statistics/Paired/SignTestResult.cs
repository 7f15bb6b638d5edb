using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Paired;

/// <summary>Counts and exact p-values of a sign test.</summary>
/// <param name="Positive">Cases where treatment beat control.</param>
/// <param name="Negative">Cases where control beat treatment.</param>
/// <param name="Zeros">Ties, left out of the test.</param>
/// <param name="PValue">Two-sided p-value.</param>
/// <param name="PValueGreater">One-sided p-value for "treatment tends to be higher".</param>
/// <param name="PValueLess">One-sided p-value for "treatment tends to be lower".</param>
/// <param name="Diagnostics">Problems in the data, if any.</param>
public sealed record SignTestResult(
    int Positive,
    int Negative,
    int Zeros,
    double PValue,
    double PValueGreater,
    double PValueLess,
    IReadOnlyList<Diagnostic> Diagnostics);
