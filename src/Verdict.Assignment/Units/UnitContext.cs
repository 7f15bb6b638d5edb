namespace Verdict.Assignment.Units;

/// <summary>The identifiers one request carries; <see cref="UnitKey"/> picks the one the experiment randomizes on.</summary>
public sealed record UnitContext
{
    /// <summary>The signed-in user id.</summary>
    public string? UserId { get; init; }

    /// <summary>The customer account id.</summary>
    public string? AccountId { get; init; }

    /// <summary>The conversation id, the same on every turn.</summary>
    public string? ConversationId { get; init; }

    /// <summary>The session id.</summary>
    public string? SessionId { get; init; }

    /// <summary>The request id, new on every request.</summary>
    public string? RequestId { get; init; }

    /// <summary>Other attributes, including cluster keys such as <c>team</c> or <c>organization</c>.</summary>
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
}
