namespace Verdict.Assignment.Units;

/// <summary>
/// Picks the id that is hashed for a randomization unit. With the conversation as unit every turn hashes the same
/// id, so every turn gets the same arm; with a cluster unit every member of the cluster gets the cluster's arm.
/// </summary>
public static class UnitKey
{
    /// <summary>The id to hash, or null when the request does not carry it (the unit is then not assigned).</summary>
    public static string? Resolve(UnitContext context, RandomizationUnit unit, string? clusterKey = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (unit == RandomizationUnit.Cluster)
        {
            ArgumentException.ThrowIfNullOrEmpty(clusterKey);
        }

        var id = unit switch
        {
            RandomizationUnit.User => context.UserId,
            RandomizationUnit.Account => context.AccountId,
            RandomizationUnit.Conversation => context.ConversationId,
            RandomizationUnit.Session => context.SessionId,
            RandomizationUnit.Request => context.RequestId,
            RandomizationUnit.Cluster => context.Attributes.GetValueOrDefault(clusterKey!),
            _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "unknown randomization unit"),
        };
        return string.IsNullOrEmpty(id) ? null : id;
    }
}
