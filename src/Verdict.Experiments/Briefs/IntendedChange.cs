namespace Verdict.Experiments.Briefs;

/// <summary>The one intended change: the receipt field (path) where treatment differs from control, and why.</summary>
public sealed record IntendedChange(string Field, string? Description);
