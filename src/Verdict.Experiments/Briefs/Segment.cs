namespace Verdict.Experiments.Briefs;

/// <summary>A pre-specified segment (an attribute the results are broken down by); critical ones must not regress.</summary>
public sealed record Segment(string Name, string Attribute, bool Critical);
