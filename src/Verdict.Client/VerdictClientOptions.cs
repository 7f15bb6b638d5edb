using System.ComponentModel.DataAnnotations;

namespace Verdict.Client;

/// <summary>How the SDK reaches the server and batches events (docs/sdk.md). Validated once, when the host starts.</summary>
public sealed class VerdictClientOptions : IValidatableObject
{
    /// <summary>The server's base URL, for example <c>http://127.0.0.1:5080</c>. Required.</summary>
    [Required]
    public Uri? ServerUrl { get; set; }

    /// <summary>An <c>sdk</c> API key. Required.</summary>
    [Required]
    public string? ApiKey { get; set; }

    /// <summary>How often the config is polled (with its ETag). Default 30 s.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest an event waits before its batch is sent. Default 1 s.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most events in one request. Default 500 (the server accepts 10 000).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Events that may wait in memory; beyond it events are dropped and counted, never blocking the caller. Default 10 000.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>How long shutdown may spend sending what is queued. Default 5 s.</summary>
    public TimeSpan ShutdownFlushTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Units remembered per process for exposure de-duplication; the set starts over when full. Default 100 000.</summary>
    public int ExposureMemory { get; set; } = 100_000;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ServerUrl is { } url && (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("ServerUrl must be an absolute http(s) URL", [nameof(ServerUrl)]);
        }

        if (PollInterval < TimeSpan.FromSeconds(1))
        {
            yield return new ValidationResult("PollInterval must be at least 1 second", [nameof(PollInterval)]);
        }

        if (FlushInterval <= TimeSpan.Zero)
        {
            yield return new ValidationResult("FlushInterval must be positive", [nameof(FlushInterval)]);
        }

        if (BatchSize is < 1 or > 10_000)
        {
            yield return new ValidationResult("BatchSize must lie in [1, 10 000]", [nameof(BatchSize)]);
        }

        if (QueueCapacity < BatchSize)
        {
            yield return new ValidationResult("QueueCapacity must be at least BatchSize", [nameof(QueueCapacity)]);
        }

        if (ExposureMemory < 1)
        {
            yield return new ValidationResult("ExposureMemory must be positive", [nameof(ExposureMemory)]);
        }
    }
}
