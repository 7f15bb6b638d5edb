namespace Verdict.Experiments.Analysis.Outcomes;

/// <summary>One reason for a verdict: its stable code (<see cref="ReasonCodes"/>), the decision it argues for, and its text.</summary>
public sealed record DecisionReason(string Code, LaunchDecision Decision, string Text);
