namespace Verdict.Experiments.Yaml;

/// <summary>Where a field was written: file, 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column);
