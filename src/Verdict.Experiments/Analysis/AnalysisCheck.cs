namespace Verdict.Experiments.Analysis;

/// <summary>One check of the analysis, in the order it ran: step (integrity, primary, guardrails…), name, status and reason.</summary>
public sealed record AnalysisCheck(string Step, string Name, CheckStatus Status, string Detail);
