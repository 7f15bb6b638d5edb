using Verdict.Assignment.Allocation;

namespace Verdict.Assignment.Bandits;

/// <summary>
/// One period of a bandit: the cohort of buckets it enrols and, inside it, each arm's range in declaration order.
/// An arm's propensity is its range's share of the cohort, the probability a unit of the cohort lands in it.
/// </summary>
public sealed record BanditPeriod(int Index, BucketRange Cohort, IReadOnlyList<BucketRange> ArmRanges)
{
    /// <summary>The probability that a unit enrolled in this period gets arm <paramref name="arm"/>.</summary>
    public double Propensity(int arm) => (double)ArmRanges[arm].Width / Cohort.Width;
}
