namespace Verdict.Experiments.Briefs;

/// <summary>The share [<see cref="From"/>, <see cref="To"/>) of mutual-exclusion layer <see cref="Name"/> this experiment owns.</summary>
public sealed record LayerShare(string Name, double From, double To);
