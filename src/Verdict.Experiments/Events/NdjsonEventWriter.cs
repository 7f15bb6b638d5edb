using System.Buffers;
using System.Text.Json;
using Verdict.Experiments.Briefs;

namespace Verdict.Experiments.Events;

/// <summary>
/// Writes exposures and outcome events as NDJSON, one object per line, in the format of docs/events.md ("NDJSON
/// files"): <c>{"type":"exposure",…}</c> and <c>{"type":"event",…}</c>, timestamps ISO-8601 UTC with milliseconds.
/// Buffers 64 KiB at a time; <see cref="Dispose"/> (or <see cref="Flush"/>) writes the rest. Not thread-safe.
/// </summary>
public sealed class NdjsonEventWriter : IEventSink, IDisposable
{
    private const int FlushThreshold = 1 << 16;
    private static readonly JsonWriterOptions Options = new() { SkipValidation = true };

    private readonly Stream stream;
    private readonly bool leaveOpen;
    private readonly ArrayBufferWriter<byte> buffer = new(FlushThreshold + 4096);
    private readonly Utf8JsonWriter json;
    private bool disposed;

    /// <summary>Writes to <paramref name="stream"/>, which is disposed with the writer unless <paramref name="leaveOpen"/>.</summary>
    public NdjsonEventWriter(Stream stream, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        this.stream = stream;
        this.leaveOpen = leaveOpen;
        json = new Utf8JsonWriter(buffer, Options);
    }

    /// <summary>Lines written so far.</summary>
    public long Lines { get; private set; }

    /// <inheritdoc />
    public void Add(ExposureRecord exposure)
    {
        ArgumentNullException.ThrowIfNull(exposure);
        Begin("exposure"u8);
        json.WriteString("experiment"u8, exposure.Experiment);
        json.WriteNumber("version"u8, exposure.Version);
        json.WriteString("unit_id"u8, exposure.UnitId);
        json.WriteString("arm"u8, exposure.Arm);
        WriteTimestamp(exposure.Timestamp);
        if (exposure.ReceiptHash is null)
        {
            json.WriteNull("receipt_hash"u8);
        }
        else
        {
            json.WriteString("receipt_hash"u8, exposure.ReceiptHash);
        }

        WriteMap("attributes"u8, exposure.Attributes);
        json.WriteEndObject();
        EndLine();
    }

    /// <inheritdoc />
    public void Add(OutcomeEvent outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        Begin("event"u8);
        json.WriteString("name"u8, outcome.Name);
        json.WriteString("unit_id"u8, outcome.UnitId);
        WriteTimestamp(outcome.Timestamp);
        if (outcome.Value is { } value && double.IsFinite(value))
        {
            json.WriteNumber("value"u8, value);
        }
        else
        {
            json.WriteNull("value"u8);
        }

        WriteMap("properties"u8, outcome.Properties);
        json.WriteString("idempotency_key"u8, outcome.IdempotencyKey);
        json.WriteEndObject();
        EndLine();
    }

    /// <summary>Writes buffered lines to the stream and flushes it.</summary>
    public void Flush()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        Drain();
        stream.Flush();
    }

    /// <summary>Flushes, then disposes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        Drain();
        stream.Flush();
        disposed = true;
        json.Dispose();
        if (!leaveOpen)
        {
            stream.Dispose();
        }
    }

    private void Begin(ReadOnlySpan<byte> type)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        json.WriteStartObject();
        json.WriteString("type"u8, type);
    }

    private void WriteTimestamp(DateTimeOffset timestamp)
    {
        Span<byte> text = stackalloc byte[24];
        timestamp.UtcDateTime.TryFormat(text, out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        json.WriteString("timestamp"u8, text[..written]);
    }

    private void WriteMap(ReadOnlySpan<byte> name, IReadOnlyDictionary<string, string> map)
    {
        json.WriteStartObject(name);
        if (map is EventProperties small)
        {
            for (var i = 0; i < small.Count; i++)
            {
                json.WriteString(small.KeyAt(i), small.ValueAt(i));
            }
        }
        else if (map.Count > 0)
        {
            foreach (var (key, value) in map)
            {
                json.WriteString(key, value);
            }
        }

        json.WriteEndObject();
    }

    private void EndLine()
    {
        json.Flush();
        buffer.GetSpan(1)[0] = (byte)'\n';
        buffer.Advance(1);
        json.Reset(buffer);
        Lines++;
        if (buffer.WrittenCount >= FlushThreshold)
        {
            Drain();
        }
    }

    private void Drain()
    {
        if (buffer.WrittenCount > 0)
        {
            stream.Write(buffer.WrittenSpan);
            buffer.ResetWrittenCount();
        }
    }
}
