namespace Verdict.Client.Wire;

/// <summary>The body of <c>GET /api/v1/config</c>: every experiment an SDK may serve, and the revision it was built at.</summary>
public sealed record SdkConfig
{
    /// <summary>Increases on every change to any experiment; the ETag is derived from the body.</summary>
    public required long Revision { get; init; }

    /// <summary>Running, paused and stopped experiments (drafts are not served).</summary>
    public required IReadOnlyList<ExperimentConfig> Experiments { get; init; }
}
