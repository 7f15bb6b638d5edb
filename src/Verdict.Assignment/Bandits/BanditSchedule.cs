using Verdict.Assignment.Allocation;
using Verdict.Assignment.Hashing;

namespace Verdict.Assignment.Bandits;

/// <summary>
/// Serves a bandit through bucket ranges without moving anyone (docs/bandits.md, "Serving"). Period p enrols the
/// cohort of buckets [p·E, min((p + 1)·E, 10 000)) with E = round(10 000 · enrollment per period); inside the cohort the
/// arms are laid out in declaration order by that period's weights, Bᵢ = start + round(width · (w₁ + … + wᵢ)), halves
/// to even, the last arm ending at the cohort's end. Earlier cohorts never change, so every enrolled unit keeps its
/// arm when the weights move; new weights only reach units whose buckets open later. Immutable and thread-safe.
/// </summary>
public sealed class BanditSchedule
{
    private readonly byte[] saltPrefix;

    /// <summary>A schedule whose periods so far used <paramref name="periodWeights"/> (one weight list per period).</summary>
    public BanditSchedule(string salt, IReadOnlyList<string> arms, double enrollmentPerPeriod, IReadOnlyList<IReadOnlyList<double>> periodWeights)
    {
        ArgumentException.ThrowIfNullOrEmpty(salt);
        ArgumentNullException.ThrowIfNull(arms);
        ArgumentNullException.ThrowIfNull(periodWeights);
        if (arms.Count < 2 || arms.Distinct(StringComparer.Ordinal).Count() != arms.Count || arms.Any(string.IsNullOrEmpty))
        {
            throw new ArgumentException("A bandit needs at least two arms with distinct, non-empty names.", nameof(arms));
        }

        CohortBuckets = AssignmentHash.ToBuckets(enrollmentPerPeriod);
        if (CohortBuckets == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(enrollmentPerPeriod), enrollmentPerPeriod, "must enrol at least one bucket (0.0001) per period");
        }

        if (periodWeights.Count > MaxPeriods(CohortBuckets))
        {
            throw new ArgumentException($"{periodWeights.Count} periods of {CohortBuckets} buckets exceed the 10 000 buckets; at most {MaxPeriods(CohortBuckets)} periods fit.", nameof(periodWeights));
        }

        Salt = salt;
        Arms = arms;
        EnrollmentPerPeriod = enrollmentPerPeriod;
        saltPrefix = AssignmentHash.SaltPrefix(salt);
        Periods = periodWeights.Select((w, p) => Layout(p, w)).ToArray();
        PeriodWeights = periodWeights.Select(w => (IReadOnlyList<double>)w.ToArray()).ToArray();
    }

    /// <summary>The experiment's salt.</summary>
    public string Salt { get; }

    /// <summary>Arm names in declaration order.</summary>
    public IReadOnlyList<string> Arms { get; }

    /// <summary>The share of all units each period enrols.</summary>
    public double EnrollmentPerPeriod { get; }

    /// <summary>Buckets per cohort, E.</summary>
    public int CohortBuckets { get; }

    /// <summary>Every period so far; the last is the current one.</summary>
    public IReadOnlyList<BanditPeriod> Periods { get; }

    /// <summary>True while another period's cohort fits in the bucket space.</summary>
    public bool CanAddPeriod => Periods.Count < MaxPeriods(CohortBuckets);

    /// <summary>The schedule with one more period using <paramref name="weights"/>.</summary>
    public BanditSchedule WithPeriod(IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return new BanditSchedule(Salt, Arms, EnrollmentPerPeriod, [.. PeriodWeights, weights.ToArray()]);
    }

    /// <summary>The weights each period was laid out from, as given.</summary>
    public IReadOnlyList<IReadOnlyList<double>> PeriodWeights { get; }

    /// <summary>The arm, period and propensity of <paramref name="unitId"/>.</summary>
    public BanditAssignment Assign(ReadOnlySpan<char> unitId)
    {
        var bucket = AssignmentHash.Bucket(saltPrefix, unitId);
        var period = bucket / CohortBuckets;
        if (period >= Periods.Count)
        {
            return new BanditAssignment(-1, -1, bucket, 0);
        }

        var ranges = Periods[period].ArmRanges;
        for (var arm = 0; arm < ranges.Count; arm++)
        {
            if (ranges[arm].Contains(bucket))
            {
                return new BanditAssignment(arm, period, bucket, Periods[period].Propensity(arm));
            }
        }

        throw new InvalidOperationException($"bucket {bucket} is in cohort {period} but in none of its arm ranges");
    }

    private static int MaxPeriods(int cohortBuckets) => (AssignmentHash.BucketCount + cohortBuckets - 1) / cohortBuckets;

    private BanditPeriod Layout(int period, IReadOnlyList<double> weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Count != Arms.Count)
        {
            throw new ArgumentException($"Period {period} has {weights.Count} weights for {Arms.Count} arms.", nameof(weights));
        }

        var sum = 0.0;
        foreach (var w in weights)
        {
            if (!(w >= 0 && w <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(weights), w, $"period {period}: every weight must lie in [0, 1]");
            }

            sum += w;
        }

        if (Math.Abs(sum - 1) > BucketAllocation.WeightTolerance)
        {
            throw new ArgumentException($"Period {period}: weights must sum to 1, got {sum.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}.", nameof(weights));
        }

        var cohort = new BucketRange(period * CohortBuckets, Math.Min((period + 1) * CohortBuckets, AssignmentHash.BucketCount));
        var ranges = new BucketRange[weights.Count];
        var start = cohort.Start;
        var cumulative = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            cumulative += weights[i];
            var end = i == weights.Count - 1 ? cohort.End : Math.Clamp(cohort.Start + (int)Math.Round(cumulative * cohort.Width, MidpointRounding.ToEven), start, cohort.End);
            ranges[i] = new BucketRange(start, end);
            start = end;
        }

        return new BanditPeriod(period, cohort, ranges);
    }
}
