namespace Verdict.Arena.Configuration;

/// <summary>Token prices in currency units per million tokens. Defaults 0 (spend not tracked).</summary>
public sealed class PriceSpec
{
    /// <summary>Price per million input tokens.</summary>
    public double InputPerMillion { get; init; }

    /// <summary>Price per million output tokens.</summary>
    public double OutputPerMillion { get; init; }

    /// <summary>Cost of one call.</summary>
    public double Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000;
}
