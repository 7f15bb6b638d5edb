namespace Verdict.Client.Wire;

/// <summary>A named holdout and the fraction of units it keeps out of every arm.</summary>
public sealed record HoldoutConfig(string Name, double Fraction);
