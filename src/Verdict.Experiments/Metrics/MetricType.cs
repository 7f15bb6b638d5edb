namespace Verdict.Experiments.Metrics;

/// <summary>How a metric turns a unit's events into one number (docs/brief.md, "Metrics").</summary>
public enum MetricType
{
    /// <summary>1 when the unit has at least one qualifying event in the window, else 0.</summary>
    Binary,

    /// <summary>The number of qualifying events per unit.</summary>
    Count,

    /// <summary>The sum of the events' value per unit.</summary>
    Sum,

    /// <summary>The mean of the events' value over all qualifying events (Σ value / Σ events, delta method).</summary>
    Mean,

    /// <summary>Σ numerator metric / Σ denominator metric over units (delta method).</summary>
    Ratio,

    /// <summary>A quantile of the events' value over all qualifying events.</summary>
    Quantile,
}
