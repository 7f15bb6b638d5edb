namespace Verdict.Server.Endpoints;

/// <summary>The body of a lifecycle change: the version (default: the live one), the new exposure for a ramp, and why.</summary>
public sealed record ChangeRequest(int? Version, double? Exposure, string? Reason);
