namespace Verdict.Experiments.Metrics;

/// <summary>When a CUPED covariate is measured relative to the unit's first exposure.</summary>
public enum CovariatePeriod
{
    /// <summary>Before exposure: cannot be caused by the treatment. The only valid choice.</summary>
    PreExposure,

    /// <summary>After exposure: the treatment may move it, which biases the adjusted estimate (linted).</summary>
    PostExposure,
}
