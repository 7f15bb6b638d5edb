using Verdict.Experiments.Metrics;
using Verdict.Statistics.Inference;
using Verdict.Statistics.Sequential;

namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>The primary estimate evaluated at the current sequential look.</summary>
public sealed record SequentialLookEvidence(LookEvaluation Look, Estimate Lift, MetricUnit Unit) : StepEvidence;
