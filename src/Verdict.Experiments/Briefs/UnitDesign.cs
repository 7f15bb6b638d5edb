using Verdict.Assignment.Units;

namespace Verdict.Experiments.Briefs;

/// <summary>What is randomized, which attribute carries its id, and what the analysis counts.</summary>
/// <param name="Randomization">The randomization unit.</param>
/// <param name="IdAttribute">The attribute or event field carrying the unit id (for example <c>customer_account_id</c>).</param>
/// <param name="ClusterKey">For cluster randomization, the attribute naming the cluster (team, organization).</param>
/// <param name="Analysis">The unit the analysis counts; coarser than the randomization unit is a design error.</param>
/// <param name="Stateful">True when the feature carries state across requests (a conversation).</param>
public sealed record UnitDesign(RandomizationUnit Randomization, string? IdAttribute, string? ClusterKey, RandomizationUnit Analysis, bool Stateful);
