namespace Verdict.Arena.Gate;

/// <summary>One gate rule's verdict.</summary>
/// <param name="Rule">The rule in words.</param>
/// <param name="Passed">True when it held.</param>
/// <param name="Detail">The numbers behind it.</param>
public sealed record RuleOutcome(string Rule, bool Passed, string Detail);
