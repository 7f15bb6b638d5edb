namespace Verdict.Experiments.Analysis;

/// <summary>
/// Where a cell belongs: metric, arm and scope (overall, one segment value, or one enrollment day labelled by its ISO
/// date). Cells of every kind are found by this key.
/// </summary>
public readonly record struct CellKey(string Metric, string Arm, CellScope Scope, string? ScopeName, string? ScopeValue);
