namespace Verdict.Server.Ladder;

/// <summary>The body of an admin's advance: the target stage (default: the next), the version (default: the live one), and why (required).</summary>
public sealed record AdvanceRequest(string? To, int? Version, string? Reason);
