namespace Verdict.Experiments.Planning;

/// <summary>One arm's planned units.</summary>
public sealed record ArmPlan(string Name, double Weight, long Units);
