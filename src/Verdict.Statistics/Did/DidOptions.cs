namespace Verdict.Statistics.Did;

/// <summary>Options of <see cref="DifferenceInDifferences"/>; defaults documented on each property and validated once.</summary>
public sealed class DidOptions
{
    /// <summary>Two-sided error rate of every interval (default 0.05).</summary>
    public double Alpha { get; init; } = 0.05;

    /// <summary>Warn that trends are not parallel when the joint test of the leads has p below this (default 0.05).</summary>
    public double PreTrendAlpha { get; init; } = 0.05;

    /// <summary>Warn when there are fewer clusters than this: cluster-robust errors are then too small (default 30; Cameron and Miller 2015, §VI).</summary>
    public int MinClusters { get; init; } = 30;

    /// <summary>How a period is named in messages (default: its number), e.g. the date a caller's period index stands for.</summary>
    public Func<int, string>? PeriodName { get; init; }

    /// <summary>How a unit is named in messages (default: its number).</summary>
    public Func<int, string>? UnitName { get; init; }

    /// <summary>Throws when an option is out of range.</summary>
    public void Validate()
    {
        Guard.Alpha(Alpha);
        Guard.Alpha(PreTrendAlpha, nameof(PreTrendAlpha));
        ArgumentOutOfRangeException.ThrowIfLessThan(MinClusters, 2, nameof(MinClusters));
    }
}
