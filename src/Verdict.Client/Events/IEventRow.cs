using System.Text.Json;

namespace Verdict.Client.Events;

/// <summary>
/// One row waiting to be sent: written as one NDJSON object of docs/events.md only when its batch is sent, so the
/// request path allocates the row and nothing else.
/// </summary>
public interface IEventRow
{
    /// <summary>Writes the row as one JSON object.</summary>
    void WriteTo(Utf8JsonWriter writer);
}
