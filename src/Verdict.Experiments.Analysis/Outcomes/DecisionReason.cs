using Verdict.Experiments.Analysis.Evidence;

namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>
/// One reason for a verdict: its stable code (<see cref="ReasonCodes"/>), the decision it argues for, and the evidence it
/// was built from (worded by Verdict.Reports' <c>DecisionText</c>).
/// </summary>
public sealed record DecisionReason(string Code, LaunchDecision Decision, StepEvidence Evidence);
