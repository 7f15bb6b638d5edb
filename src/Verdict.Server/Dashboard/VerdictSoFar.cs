using Verdict.Experiments.Analysis;

namespace Verdict.Server.Dashboard;

/// <summary>An experiment version's analysis, or why there is none yet.</summary>
public sealed record VerdictSoFar(AnalysisReport? Report, string? Missing);
