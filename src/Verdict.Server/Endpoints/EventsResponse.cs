namespace Verdict.Server.Endpoints;

/// <summary>The answer of <c>POST /api/v1/events</c>: the rows committed (already-stored rows count and are not stored twice).</summary>
public sealed record EventsResponse(int Exposures, int Events);
