namespace Verdict.Experiments.Metrics;

/// <summary>The unit a metric is measured in; budgets, MDEs and thresholds on it are written in the same unit.</summary>
public enum MetricUnit
{
    /// <summary>A rate in [0, 1]; changes are written in percentage points (<c>0.5pp</c>) or relative (<c>5%</c>).</summary>
    Proportion,

    /// <summary>Milliseconds; changes are written <c>150ms</c>, <c>0.15s</c> or relative.</summary>
    Milliseconds,

    /// <summary>A count of events; changes are plain numbers or relative.</summary>
    Count,

    /// <summary>Any other number; changes are plain numbers or relative.</summary>
    Number,
}
