namespace Verdict.Statistics.Guardrails;

/// <summary>
/// A non-inferiority test: whether the one-sided (1 − alpha) bound stays inside the margin, the bound used, and the
/// one-sided p-value against H0 "the change is at least as bad as the margin".
/// </summary>
public sealed record NonInferiorityResult(bool Passed, double Bound, double Margin, double PValue, NonInferiorityDirection Direction, double Alpha);
