namespace Verdict.Client.Wire;

/// <summary>The share [From, To) of a named layer that an experiment owns.</summary>
public sealed record LayerConfig(string Name, double From, double To);
