namespace Verdict.Arena.Evaluation;

/// <summary>The outcome of one deterministic check on one output.</summary>
/// <param name="Name">The check's name.</param>
/// <param name="Passed">True when the output passed.</param>
/// <param name="Detail">Why it failed, or what was measured.</param>
public sealed record CheckResult(string Name, bool Passed, string? Detail = null);
