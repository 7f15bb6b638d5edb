namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Several treatments share the brief's alpha: the arms compared, the Bonferroni alpha used and the other treatments.</summary>
public sealed record SeveralTreatmentsEvidence(int Treatments, double SharedAlpha, string Treatment, string Control, double Alpha, IReadOnlyList<string> Others) : StepEvidence;
