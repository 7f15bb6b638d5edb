using Verdict.Experiments.Briefs;
using Verdict.Statistics.Heterogeneity;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Cochran's Q across one segment's values, and whether the effect differs at the brief's alpha.</summary>
public sealed record HeterogeneityEvidence(string Segment, HeterogeneityResult Test, bool Differs) : StepEvidence;
