namespace Verdict.Assignment.Allocation;

/// <summary>An arm's name and its share of the experiment's traffic.</summary>
public sealed record ArmWeight(string Name, double Weight);
