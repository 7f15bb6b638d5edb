using System.Text.Json;
using Verdict.Experiments.Events;

namespace Verdict.Storage.Ingestion;

/// <summary>
/// Reads exposures and events written as JSON objects (docs/events.md): one object per NDJSON line, or the elements of
/// one JSON array (the server's <c>POST /api/v1/events</c>). Every problem names its line, or its item for an array.
/// </summary>
public static class JsonRows
{
    /// <summary>
    /// Reads <paramref name="text"/>, a JSON array of objects when its first non-blank character is <c>[</c>, NDJSON
    /// otherwise, into <paramref name="sink"/>; returns the rows read. A sink that refuses a row by throwing
    /// <see cref="InvalidDataException"/> has the refusal reported at that row's line.
    /// </summary>
    public static long Read(string text, string source, IEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sink);
        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            return ReadArray(text, source, sink);
        }

        long line = 0;
        long rows = 0;
        foreach (var lineText in text.AsSpan().EnumerateLines())
        {
            line++;
            if (lineText.IsWhiteSpace())
            {
                continue;
            }

            ReadLine(lineText.ToString(), source, line, sink);
            rows++;
        }

        return rows;
    }

    /// <summary>Reads one NDJSON line (1-based <paramref name="line"/>) into <paramref name="sink"/>.</summary>
    internal static void ReadLine(string text, string source, long line, IEventSink sink)
    {
        var row = new RawRow(source, line);
        try
        {
            using var document = JsonDocument.Parse(text);
            Fill(row, document.RootElement, "each line must be one JSON object");
        }
        catch (JsonException e)
        {
            throw new IngestException(source, line, "malformed JSON: " + e.Message);
        }

        Send(row, sink);
    }

    private static long ReadArray(string text, string source, IEventSink sink)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new IngestException(source, (e.LineNumber ?? 0) + 1, "malformed JSON: " + e.Message);
        }

        using (document)
        {
            long item = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var row = new RawRow(source, ++item);
                Fill(row, element, "each item of the array must be one JSON object");
                Send(row, sink);
            }

            return item;
        }
    }

    private static void Fill(RawRow row, JsonElement element, string notAnObject)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new IngestException(row.Path, row.Line, notAnObject);
        }

        foreach (var property in element.EnumerateObject())
        {
            row.Fields[property.Name] = property.Value.ValueKind switch
            {
                JsonValueKind.String => property.Value.GetString(),
                JsonValueKind.Number => property.Value.TryGetInt64(out var l) ? l : property.Value.GetDouble(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null => null,
                JsonValueKind.Object => row.ObjectToMap(property.Value, property.Name),
                _ => throw new IngestException(row.Path, row.Line, $"{property.Name}: arrays are not accepted"),
            };
        }
    }

    private static void Send(RawRow row, IEventSink sink)
    {
        try
        {
            row.SendTo(sink);
        }
        catch (InvalidDataException e)
        {
            throw new IngestException(row.Path, row.Line, e.Message);
        }
    }
}
