namespace Verdict.Arena.Configuration;

/// <summary>The judge model: scores rubrics and duels. Its replies are parsed strictly.</summary>
public sealed class JudgeSpec : ModelEndpointSpec
{
    /// <summary>Attempts per judgement before a malformed reply is recorded as an error. Default 3.</summary>
    public int MaxAttempts { get; init; } = 3;
}
