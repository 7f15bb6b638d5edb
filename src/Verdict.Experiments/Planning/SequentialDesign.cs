namespace Verdict.Experiments.Planning;

/// <summary>The boundaries of a group sequential plan and the factor its maximum sample size exceeds a fixed horizon's by.</summary>
public sealed record SequentialDesign(double InflationFactor, IReadOnlyList<SequentialLook> Looks);
