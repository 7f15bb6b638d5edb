using Verdict.Statistics.Interleaving;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>An interleaving brief's queries with a winner: each team's wins and the ties (no winner anywhere: nothing to test).</summary>
public sealed record InterleavingDecisiveEvidence(string ClickEvent, string TeamA, string TeamB, InterleavingTally Total) : StepEvidence;
