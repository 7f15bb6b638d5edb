namespace Verdict.Statistics.Sequential;

/// <summary>What a registered plan says to do at a look.</summary>
public enum LookAction
{
    /// <summary>Neither boundary was crossed: keep collecting data.</summary>
    Continue,

    /// <summary>The efficacy boundary was crossed: stop and reject the null hypothesis.</summary>
    StopEfficacy,

    /// <summary>The (non-binding) futility boundary was crossed, or the final look fell short of efficacy.</summary>
    StopFutility,
}
