namespace Verdict.Experiments.Metrics;

/// <summary>
/// A metric, declared precisely enough for the analysis to compile it to SQL: the events it is built from, the
/// window after exposure, exclusions, property filters, and for ratios and quantiles their parts.
/// </summary>
public sealed record MetricDefinition
{
    /// <summary>The name briefs refer to it by.</summary>
    public required string Name { get; init; }

    /// <summary>What the metric says, in a sentence.</summary>
    public string? Description { get; init; }

    /// <summary>How events become a number.</summary>
    public required MetricType Type { get; init; }

    /// <summary>The qualifying event names (empty for ratios).</summary>
    public IReadOnlyList<string> Events { get; init; } = [];

    /// <summary>The event property holding the numeric value (sum, mean, quantile).</summary>
    public string? Value { get; init; }

    /// <summary>Only events within this long after the unit's first exposure count; null for the whole experiment.</summary>
    public TimeSpan? Within { get; init; }

    /// <summary>An event that disqualifies the qualifying event, or null.</summary>
    public EventExclusion? Unless { get; init; }

    /// <summary>Filters on event properties, all of which must hold.</summary>
    public IReadOnlyList<PropertyFilter> Where { get; init; } = [];

    /// <summary>The numerator metric of a ratio.</summary>
    public string? Numerator { get; init; }

    /// <summary>The denominator metric of a ratio.</summary>
    public string? Denominator { get; init; }

    /// <summary>The quantile of a quantile metric, in (0, 1).</summary>
    public double? Quantile { get; init; }

    /// <summary>The CUPED covariate, or null.</summary>
    public CupedCovariate? Covariate { get; init; }

    /// <summary>The unit of measure.</summary>
    public required MetricUnit Unit { get; init; }
}
