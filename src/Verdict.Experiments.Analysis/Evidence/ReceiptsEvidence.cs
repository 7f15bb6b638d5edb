namespace Verdict.Experiments.Analysis.Evidence;

/// <summary>Pinned receipts: the brief's receipt paths that differ beyond the declared change, the exposures per arm carrying another receipt, and the declared change's field.</summary>
public sealed record ReceiptsEvidence(IReadOnlyList<string> Undeclared, IReadOnlyList<(string Arm, long Exposures)> Mismatched, string ChangedField) : StepEvidence;
