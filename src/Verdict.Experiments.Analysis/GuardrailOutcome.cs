using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Analysis;

/// <summary>
/// A guardrail judged against its budget: the absolute budget used, the bound compared with it (at <paramref name="Alpha"/>
/// for the non-inferiority rule), and whether it held.
/// </summary>
public sealed record GuardrailOutcome(
    MetricComparison Comparison,
    HarmfulDirection Harmful,
    GuardrailRule Rule,
    string Budget,
    double BudgetAbsolute,
    bool Relative,
    double Bound,
    bool Passed,
    double Alpha);
