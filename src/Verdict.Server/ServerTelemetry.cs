using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Verdict.Server;

/// <summary>The server's OpenTelemetry instruments (meter and activity source <c>Verdict.Server</c>; docs/server.md, "Telemetry").</summary>
public static class ServerTelemetry
{
    /// <summary>The name of the meter and the activity source.</summary>
    public const string Name = "Verdict.Server";

    /// <summary>Spans for ingestion commits and analyses.</summary>
    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Rows committed to the store.</summary>
    public static readonly Counter<long> EventsCommitted = Meter.CreateCounter<long>("verdict.server.events.committed", "{event}");

    /// <summary>Requests refused, tagged with <c>reason</c> (invalid, too_large, queue_full, unauthorized, forbidden).</summary>
    public static readonly Counter<long> Rejects = Meter.CreateCounter<long>("verdict.server.rejects", "{request}");

    /// <summary>Time from the start of a group commit to its end.</summary>
    public static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>("verdict.server.commit.duration", "ms");

    /// <summary>Time to answer a request, tagged with <c>route</c>.</summary>
    public static readonly Histogram<double> RequestDuration = Meter.CreateHistogram<double>("verdict.server.request.duration", "ms");
}
