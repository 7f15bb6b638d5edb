namespace Verdict.Storage.Panels;

/// <summary>What <see cref="PanelMetricSource"/> reads: one metric per unit and period, around a rollout to some values of a segment.</summary>
public sealed class PanelRequest
{
    /// <summary>The metric (a binary, count, sum or mean metric of the brief).</summary>
    public required string Metric { get; init; }

    /// <summary>The brief segment whose attribute says which units got the change (e.g. region).</summary>
    public required string Group { get; init; }

    /// <summary>The segment values that got the change (e.g. eu, uk).</summary>
    public required IReadOnlySet<string> TreatedValues { get; init; }

    /// <summary>When the change went live; period 0 starts here.</summary>
    public required DateTimeOffset Adoption { get; init; }

    /// <summary>Length of a period (default one day).</summary>
    public TimeSpan PeriodLength { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Periods before adoption to read (default: all with events).</summary>
    public int? PeriodsBefore { get; init; }

    /// <summary>Periods from adoption on to read (default: all with events).</summary>
    public int? PeriodsAfter { get; init; }

    /// <summary>Cluster by the group's value (the level the rollout was assigned at) instead of by unit (default false).</summary>
    public bool ClusterByGroup { get; init; }

    /// <summary>Only count data at or before this time (default: all).</summary>
    public DateTimeOffset? AsOf { get; init; }
}
