namespace Verdict.Arena.Analysis;

/// <summary>How many outputs of a variant passed one deterministic check.</summary>
/// <param name="Name">Check name.</param>
/// <param name="Passed">Outputs that passed.</param>
/// <param name="Total">Outputs checked.</param>
public sealed record CheckSummary(string Name, int Passed, int Total);
