namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Units that saw more than one arm, their share of the analysed units and the tolerance.</summary>
public sealed record MultiArmUnitsEvidence(long Units, double Share, double Tolerance) : StepEvidence;
