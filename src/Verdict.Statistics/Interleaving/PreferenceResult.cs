using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.Interleaving;

/// <summary>
/// The preference for ranker B: its share of decisive queries with a standard error, a (1 − alpha) interval and the
/// two-sided p-value against ½; Chapelle's Δ_AB (ties count half); whether the error is clustered by user.
/// </summary>
public sealed record PreferenceResult(
    InterleavingTally Tally,
    double ShareB,
    double StandardError,
    double CiLow,
    double CiHigh,
    double PValue,
    double DeltaAB,
    bool Clustered,
    IReadOnlyList<Diagnostic> Diagnostics);
