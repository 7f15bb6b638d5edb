namespace Verdict.Assignment;

/// <summary>An arm's name and its share of the experiment's traffic.</summary>
public sealed record ArmWeight(string Name, double Weight);
