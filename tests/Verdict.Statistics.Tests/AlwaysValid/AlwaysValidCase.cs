using Verdict.Statistics.Inference;
using Verdict.Testing;

namespace Verdict.Statistics.Tests.AlwaysValid;

/// <summary>A two-sided confidence sequence's interval and p-value.</summary>
public sealed record TwoSidedSequence(double CiLow, double CiHigh, double PValue);

/// <summary>A one-sided sequence: its lower end, GrowthBook's bisected p-value (kept, not asserted) and the exact root.</summary>
public sealed record OneSidedSequence(double CiLow, double PValue, double PValueExact);

/// <summary>The absolute or relative lift of a case with its two- and one-sided sequences.</summary>
public sealed record SequenceLift(double Estimate, double Se, TwoSidedSequence TwoSided, OneSidedSequence OneSided);

/// <summary>An mSPRT evaluation: the mixing τ and Johari et al.'s p-value and interval.</summary>
public sealed record MsprtResult(double Tau, double PValue, double CiLow, double CiHigh);

/// <summary>
/// One case of tests/reference/sequential/always_valid.json (always_valid.py: GrowthBook's gbstats formulas and Johari
/// et al.): each arm as [n, mean, sd] (means) or [successes, n] (proportions), and the expected sequences.
/// </summary>
public sealed record AlwaysValidCase(
    string Name, string Kind, IReadOnlyList<double> Control, IReadOnlyList<double> Treatment, long Units, double NStar, double Alpha,
    SequenceLift Absolute, SequenceLift Relative, MsprtResult MsprtDefaultTau, MsprtResult MsprtFixedTau)
{
    /// <summary>Every case of the file, read once.</summary>
    public static IReadOnlyList<AlwaysValidCase> All { get; } = ReferenceJson.Cases<AlwaysValidCase>("sequential", "always_valid.json");
}
