namespace Verdict.Server.Endpoints;

/// <summary>The body of <c>POST /api/v1/experiments</c>: the brief's YAML, the files it names (metrics.yaml) by name, and why.</summary>
public sealed record CreateExperimentRequest(string? Brief, IReadOnlyDictionary<string, string>? Files, string? Reason);
