using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>
/// The registered action firing: which guardrail and arm, at what streak, on which breached windows (its audit sentence,
/// <c>reason</c>, is worded by Verdict.Reports' <c>MonitorText</c>).
/// </summary>
public sealed record MonitorDecision(string Metric, string Arm, MonitorAction Action, int Streak, IReadOnlyList<WindowEvaluation> Windows);
