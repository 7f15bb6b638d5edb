namespace Verdict.Assignment.Units;

/// <summary>What is randomized: every request that carries the same id of this kind gets the same arm.</summary>
public enum RandomizationUnit
{
    /// <summary>A signed-in user.</summary>
    User,

    /// <summary>A customer account (seed 000's unit).</summary>
    Account,

    /// <summary>A conversation: every turn of it gets the same arm.</summary>
    Conversation,

    /// <summary>A session.</summary>
    Session,

    /// <summary>A single request; only for stateless features.</summary>
    Request,

    /// <summary>A cluster such as a team or organization, named by a cluster key attribute.</summary>
    Cluster,
}
