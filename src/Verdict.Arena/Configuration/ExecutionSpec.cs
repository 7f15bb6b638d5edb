namespace Verdict.Arena.Configuration;

/// <summary>How calls are made. Command-line flags override these.</summary>
public sealed class ExecutionSpec
{
    /// <summary>Calls in flight at once. Default 8.</summary>
    public int Concurrency { get; init; } = 8;

    /// <summary>Timeout of one call attempt in seconds. Default 60.</summary>
    public double TimeoutSeconds { get; init; } = 60;

    /// <summary>Retries after a 429, a 5xx, a network error or a timeout. Default 4.</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>First backoff delay in seconds, doubled per retry unless the server sends Retry-After. Default 0.5.</summary>
    public double BackoffSeconds { get; init; } = 0.5;

    /// <summary>Cache directory. Default <c>.verdict-cache</c> in the working directory.</summary>
    public string Cache { get; init; } = ".verdict-cache";
}
