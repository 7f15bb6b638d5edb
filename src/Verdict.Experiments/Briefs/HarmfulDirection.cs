namespace Verdict.Experiments.Briefs;

/// <summary>Which way a guardrail metric moves when things get worse.</summary>
public enum HarmfulDirection
{
    /// <summary>An increase is harmful (latency, failure rates).</summary>
    Increase,

    /// <summary>A decrease is harmful (satisfaction, revenue).</summary>
    Decrease,
}
