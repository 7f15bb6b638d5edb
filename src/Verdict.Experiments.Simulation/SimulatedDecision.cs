namespace Verdict.Experiments.Simulation;

/// <summary>One simulated logged decision (docs/ope.md, input format).</summary>
/// <param name="Id">Decision id.</param>
/// <param name="Action">The answer style the logger chose.</param>
/// <param name="Propensity">The logger's probability of that style.</param>
/// <param name="Reward">1 when the conversation was resolved.</param>
/// <param name="Tier">free, pro or enterprise.</param>
/// <param name="Returning">A returning customer.</param>
/// <param name="Candidate">The candidate policy's probability of each style in this context.</param>
public sealed record SimulatedDecision(string Id, string Action, double Propensity, double Reward, string Tier, bool Returning, IReadOnlyDictionary<string, double> Candidate);
