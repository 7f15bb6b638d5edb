using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Verdict.Cli.Commands.Tabular;

/// <summary>
/// Reads a table of records from CSV (a header row) or NDJSON (one JSON object per line, <c>.ndjson</c> or
/// <c>.jsonl</c>). A nested JSON object is flattened to dotted names, so <c>{"context": {"tier": 2}}</c> and a CSV
/// column <c>context.tier</c> read the same. Errors name the file, the line and the field.
/// </summary>
internal static class RecordFile
{
    public static List<TableRecord> Read(string path, string what)
    {
        if (!File.Exists(path))
        {
            throw new CliException($"{what} not found: {path}");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        var records = extension switch
        {
            ".csv" => ReadCsv(path),
            ".ndjson" or ".jsonl" => ReadNdjson(path),
            ".json" => ReadJson(path),
            _ => throw new CliException($"{path}: expected a .csv, .ndjson or .jsonl file"),
        };
        if (records.Count == 0)
        {
            throw new CliException($"{path}: no records");
        }

        return records;
    }

    private static List<TableRecord> ReadCsv(string path)
    {
        var name = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new CliException($"{name}: expected a header row");
        }

        var records = new List<TableRecord>();
        while (csv.Read())
        {
            var line = csv.Parser.RawRow;
            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (var i = 0; i < header.Length; i++)
            {
                var text = csv.TryGetField<string>(i, out var value) ? value : null;
                fields[header[i]] = string.IsNullOrEmpty(text) ? null : text;
            }

            records.Add(new TableRecord(name, line, fields));
        }

        return records;
    }

    private static List<TableRecord> ReadNdjson(string path)
    {
        var name = Path.GetFileName(path);
        var records = new List<TableRecord>();
        var line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
            try
            {
                using var document = JsonDocument.Parse(text);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new CliException($"{name} line {line}: expected a JSON object");
                }

                Flatten(document.RootElement, string.Empty, fields);
            }
            catch (JsonException e)
            {
                throw new CliException($"{name} line {line}: not valid JSON ({e.Message.Split(" Path:", 2)[0]})");
            }

            records.Add(new TableRecord(name, line, fields));
        }

        return records;
    }

    /// <summary>A whole JSON document: one object, or an array of objects.</summary>
    private static List<TableRecord> ReadJson(string path)
    {
        var name = Path.GetFileName(path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            var items = root.ValueKind == JsonValueKind.Array ? root.EnumerateArray().ToList() : [root];
            var records = new List<TableRecord>();
            foreach (var (index, item) in items.Index())
            {
                if (item.ValueKind != JsonValueKind.Object)
                {
                    throw new CliException($"{name} item {index + 1}: expected a JSON object");
                }

                var fields = new Dictionary<string, string?>(StringComparer.Ordinal);
                Flatten(item, string.Empty, fields);
                records.Add(new TableRecord(name, index + 1, fields));
            }

            return records;
        }
        catch (JsonException e)
        {
            throw new CliException($"{name}: not valid JSON ({e.Message.Split(" Path:", 2)[0]})");
        }
    }

    private static void Flatten(JsonElement element, string prefix, Dictionary<string, string?> fields)
    {
        foreach (var property in element.EnumerateObject())
        {
            var key = prefix + property.Name;
            switch (property.Value.ValueKind)
            {
                case JsonValueKind.Object:
                    Flatten(property.Value, key + ".", fields);
                    break;
                case JsonValueKind.Null:
                    fields[key] = null;
                    break;
                case JsonValueKind.String:
                    fields[key] = property.Value.GetString();
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    fields[key] = property.Value.ValueKind == JsonValueKind.True ? "1" : "0";
                    break;
                default:
                    fields[key] = property.Value.GetRawText();
                    break;
            }
        }
    }
}
