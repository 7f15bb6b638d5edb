using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Verdict.Client.Telemetry;

/// <summary>The SDK's OpenTelemetry instruments: activity source and meter <c>Verdict.Client</c> (docs/sdk.md, "Telemetry").</summary>
public static class ClientTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Verdict.Client";

    /// <summary>Spans for config polls and event flushes.</summary>
    public static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    /// <summary>Assignments made, tagged with <c>experiment</c>.</summary>
    public static readonly Counter<long> Assignments = Meter.CreateCounter<long>("verdict.client.assignments", "{assignment}");

    /// <summary>Exposures queued (after de-duplication).</summary>
    public static readonly Counter<long> Exposures = Meter.CreateCounter<long>("verdict.client.exposures", "{exposure}");

    /// <summary>Rows queued for sending.</summary>
    public static readonly Counter<long> Queued = Meter.CreateCounter<long>("verdict.client.events.queued", "{event}");

    /// <summary>Rows the server acknowledged.</summary>
    public static readonly Counter<long> Sent = Meter.CreateCounter<long>("verdict.client.events.sent", "{event}");

    /// <summary>Rows dropped, tagged with <c>reason</c> (queue_full, refused, unsent_at_shutdown).</summary>
    public static readonly Counter<long> Dropped = Meter.CreateCounter<long>("verdict.client.events.dropped", "{event}");

    /// <summary>Time to send one batch, retries included.</summary>
    public static readonly Histogram<double> FlushDuration = Meter.CreateHistogram<double>("verdict.client.flush.duration", "ms");
}
