namespace Verdict.Experiments.Analysis.Monitoring;

/// <summary>One window judged by a monitor pass: the window, the breach streak after it, and the decision it fired (null when none).</summary>
public sealed record MonitorStep(WindowEvaluation Window, int Streak, MonitorDecision? Decision);
