using System.Globalization;
using System.Text.Json;

namespace Verdict.Arena.Dataset;

/// <summary>Reads JSONL: one JSON value per non-blank line; a bad line throws with the file and line number.</summary>
internal static class JsonLines
{
    public static void ForEach(string path, Action<JsonElement> read)
    {
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                read(document.RootElement);
            }
            catch (Exception exception) when (exception is JsonException or InvalidDataException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}: line {lineNumber.ToString(CultureInfo.InvariantCulture)}: {exception.Message}", exception);
            }
        }
    }
}
