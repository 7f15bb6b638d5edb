using Verdict.Statistics.Interleaving;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>B's share of decisive queries with its interval and test, read at the brief's alpha against ½, and the decision it gives (SHIP, ROLL BACK or HOLD).</summary>
public sealed record InterleavingPreferenceEvidence(string TeamA, string TeamB, PreferenceResult Preference, double Alpha, LaunchDecision Decision) : StepEvidence;
