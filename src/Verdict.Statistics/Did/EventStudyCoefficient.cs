using Verdict.Statistics.Inference;

namespace Verdict.Statistics.Did;

/// <summary>The effect k periods from adoption (k &lt; 0: a lead, a placebo that should be 0; k = −1 is the reference, 0 by construction).</summary>
/// <param name="RelativePeriod">k, in periods from adoption.</param>
/// <param name="Effect">The coefficient with its cluster-robust interval.</param>
/// <param name="IsReference">True for the omitted reference period (the last pre-period), whose effect is 0 by construction.</param>
public sealed record EventStudyCoefficient(int RelativePeriod, Estimate Effect, bool IsReference = false);
