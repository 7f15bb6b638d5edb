namespace Verdict.Arena.Gate;

/// <summary>Whether the treatment may get traffic: every rule must pass.</summary>
/// <param name="Passed">True when every rule passed.</param>
/// <param name="Rules">Each rule's verdict.</param>
public sealed record GateOutcome(bool Passed, IReadOnlyList<RuleOutcome> Rules);
