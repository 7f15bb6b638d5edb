using Verdict.Experiments.Quantities;

namespace Verdict.Experiments.Briefs;

/// <summary>
/// A metric that must not get worse by more than its budget: direction of harm, budget in the metric's unit (or
/// relative), and how uncertainty is handled. A null budget is allowed but linted: it guards nothing.
/// </summary>
public sealed record Guardrail(string Metric, HarmfulDirection Harmful, Quantity? Budget, GuardrailRule Rule, double? Alpha)
{
    /// <summary>The live monitor's plan for this guardrail, or null when it is only judged at analysis (docs/monitor.md).</summary>
    public GuardrailMonitor? Monitor { get; init; }
}
