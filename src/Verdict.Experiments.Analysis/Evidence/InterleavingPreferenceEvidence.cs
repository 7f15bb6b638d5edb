using Verdict.Statistics.Interleaving;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>B's share of decisive queries with its interval and test, read at the brief's alpha against ½.</summary>
public sealed record InterleavingPreferenceEvidence(string TeamA, string TeamB, PreferenceResult Preference, double Alpha) : StepEvidence;
