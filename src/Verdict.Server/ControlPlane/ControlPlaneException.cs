namespace Verdict.Server.ControlPlane;

/// <summary>A request the control plane refuses: the HTTP status, a short title and what exactly was wrong.</summary>
public sealed class ControlPlaneException(int status, string title, string detail, IReadOnlyList<string>? errors = null)
    : Exception(detail)
{
    /// <summary>The HTTP status to answer with (404, 409, 422, …).</summary>
    public int Status { get; } = status;

    /// <summary>The problem's title.</summary>
    public string Title { get; } = title;

    /// <summary>Every problem found, for a brief that does not validate.</summary>
    public IReadOnlyList<string> Errors { get; } = errors ?? [];
}
