namespace Verdict.Reports;

/// <summary>A guardrail's judgement.</summary>
public sealed record GuardrailDocument(MetricDocument Metric, string Harmful, string Rule, string Budget, double BudgetValue, bool Relative, double? Bound, bool Passed, string Reason);
