namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>
/// What one check or reason of the analysis was built from: the numbers and names behind it, never its wording. Each
/// rule has its own evidence record; Verdict.Reports turns them into text (<c>CheckText</c>, <c>DecisionText</c>), so the
/// analysis produces data and one place words it.
/// </summary>
public abstract record StepEvidence;
