namespace Verdict.Server.Endpoints;

/// <summary>The body of <c>POST /api/v1/assign</c>.</summary>
public sealed record AssignRequest(string? Experiment, string? UnitId);
