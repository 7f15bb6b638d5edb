using Verdict.Experiments.Analysis.Evidence;
using Verdict.Experiments.Analysis.Outcomes;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// One check of the analysis, in the order it ran: step (integrity, primary, guardrails…), name, status, the evidence it
/// was built from (worded by Verdict.Reports' <c>CheckText</c>) and the stable code of the rule it applies (<see cref="ReasonCodes"/>).
/// </summary>
public sealed record AnalysisCheck(string Step, string Name, CheckStatus Status, StepEvidence Evidence, string Code);
