using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;

namespace Verdict.Server.Tests;

/// <summary>The server's OpenTelemetry instruments report commits, rejects by reason, request durations and the queue depth.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task Instruments_ReportCommitsRejectsAndRequests()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var measured = new ConcurrentBag<(string Instrument, double Value, string? Reason)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == ServerTelemetry.Name)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            string? reason = null;
            foreach (var tag in tags)
            {
                reason = tag.Key == "reason" ? tag.Value as string : reason;
            }

            measured.Add((instrument.Name, value, reason));
        }

        listener.SetMeasurementEventCallback<long>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<double>((i, v, t, _) => Record(i, v, t));
        listener.SetMeasurementEventCallback<int>((i, v, t, _) => Record(i, v, t));
        listener.Start();

        await using var server = await ServerHarness.StartAsync("duckdb");
        await server.CreateAndStartAsync();
        var events = string.Join("\n", Enumerable.Range(0, 7).Select(i => $$"""{"type":"event","name":"conversation_solved","unit_id":"u-{{i}}","timestamp":"2026-05-18T08:00:00Z","idempotency_key":"telemetry-{{i}}"}"""));
        Assert.Equal(200, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent(events), cancellationToken)).StatusCode);
        Assert.Equal(400, (int)(await server.Sdk.PostAsync("/api/v1/events", new StringContent("{"), cancellationToken)).StatusCode);
        Assert.Equal(401, (int)(await server.Anonymous.GetAsync("/api/v1/config", cancellationToken)).StatusCode);
        Assert.Equal(403, (int)(await server.Reader.PostAsJsonAsync("/api/v1/assign", new { experiment = "x", unit_id = "u" }, cancellationToken)).StatusCode);
        listener.RecordObservableInstruments();

        Assert.True(measured.Where(m => m.Instrument == "verdict.server.events.committed").Sum(m => m.Value) >= 7);
        Assert.Contains(measured, m => m.Instrument == "verdict.server.rejects" && m.Reason == "invalid");
        Assert.Contains(measured, m => m.Instrument == "verdict.server.rejects" && m.Reason == "unauthorized");
        Assert.Contains(measured, m => m.Instrument == "verdict.server.rejects" && m.Reason == "forbidden");
        Assert.Contains(measured, m => m.Instrument == "verdict.server.commit.duration");
        Assert.Contains(measured, m => m.Instrument == "verdict.server.request.duration" && m.Value >= 0);
        Assert.Contains(measured, m => m.Instrument == "verdict.server.queue.depth");
    }
}
