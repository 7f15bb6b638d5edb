namespace Verdict.Statistics.Power;

/// <summary>Planned units per arm (rounded up) and in total, with the unrounded control-arm value.</summary>
public sealed record SampleSizeResult(long Control, long Treatment, double ExactControl, double ExactTreatment)
{
    /// <summary>Units over both arms.</summary>
    public long Total => Control + Treatment;

    /// <summary>True when both arms have the same planned size.</summary>
    public bool IsBalanced => Control == Treatment;

    /// <summary>Days needed to enroll <see cref="Total"/> units at <paramref name="dailyEligibleUnits"/> a day and an exposure fraction.</summary>
    public int DurationDays(double dailyEligibleUnits, double exposure = 1)
    {
        Guard.Positive(dailyEligibleUnits);
        Guard.Positive(exposure);
        var days = Math.Ceiling(Total / (dailyEligibleUnits * exposure));
        if (!(days <= int.MaxValue))
        {
            throw new ArgumentOutOfRangeException(nameof(dailyEligibleUnits), dailyEligibleUnits, "the duration exceeds any calendar: more traffic a day is needed");
        }

        return (int)days;
    }
}
