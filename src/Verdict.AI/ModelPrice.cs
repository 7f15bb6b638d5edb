namespace Verdict.AI;

/// <summary>What a model costs, in USD per million input and output tokens.</summary>
public sealed record ModelPrice(double InputPerMillion, double OutputPerMillion)
{
    /// <summary>The cost of one call's tokens.</summary>
    public double Cost(long inputTokens, long outputTokens) => (inputTokens * InputPerMillion + outputTokens * OutputPerMillion) / 1_000_000;
}
