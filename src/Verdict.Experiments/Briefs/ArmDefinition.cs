namespace Verdict.Experiments.Briefs;

/// <summary>One arm: its name, share of traffic, whether it is the control, and its receipt.</summary>
public sealed record ArmDefinition(string Name, double Weight, bool IsControl, Receipt Receipt);
