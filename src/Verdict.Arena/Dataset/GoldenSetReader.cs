using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Verdict.Arena.Dataset;

/// <summary>
/// Reads a golden set from JSONL (<c>id, input, context, reference, tags, human</c>) or CSV (the same columns, tags
/// separated by <c>;</c>, human labels as <c>human_NAME</c> columns). Malformed rows throw with the line number.
/// </summary>
public static class GoldenSetReader
{
    /// <summary>Reads the file, choosing the format by extension.</summary>
    public static IReadOnlyList<GoldenCase> Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"golden set not found: {path}", path);
        }

        var cases = Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase) ? ReadCsv(path) : ReadJsonl(path);
        var duplicate = cases.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{path}: case id \"{duplicate.Key}\" appears more than once");
        }

        if (cases.Count == 0)
        {
            throw new InvalidDataException($"{path}: the golden set is empty");
        }

        return cases;
    }

    private static List<GoldenCase> ReadJsonl(string path)
    {
        var cases = new List<GoldenCase>();
        JsonLines.ForEach(path, root =>
        {
            var input = root.TryGetProperty("input", out var i) && i.ValueKind == JsonValueKind.String ? i.GetString()! : throw new InvalidDataException("\"input\" (a string) is required");
            var id = root.TryGetProperty("id", out var idElement) ? Text(idElement) : (cases.Count + 1).ToString(CultureInfo.InvariantCulture);
            var tags = root.TryGetProperty("tags", out var t) && t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(Text).ToList() : [];
            var human = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("human", out var h) && h.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in h.EnumerateObject())
                {
                    human[property.Name] = Text(property.Value);
                }
            }

            cases.Add(new GoldenCase(id, input, Optional(root, "context"), Optional(root, "reference"), tags, human));
        });
        return cases;
    }

    private static List<GoldenCase> ReadCsv(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
        {
            throw new InvalidDataException($"{path}: no header row");
        }

        if (!header.Contains("input"))
        {
            throw new InvalidDataException($"{path}: an \"input\" column is required");
        }

        var cases = new List<GoldenCase>();
        while (csv.Read())
        {
            string? Field(string name) => header.Contains(name) && csv.GetField(name) is { Length: > 0 } value ? value : null;
            var human = header.Where(c => c.StartsWith("human_", StringComparison.Ordinal))
                .Select(c => (Name: c["human_".Length..], Value: Field(c)))
                .Where(x => x.Value is not null)
                .ToDictionary(x => x.Name, x => x.Value!, StringComparer.Ordinal);
            var tags = Field("tags")?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            cases.Add(new GoldenCase(
                Field("id") ?? (cases.Count + 1).ToString(CultureInfo.InvariantCulture),
                Field("input") ?? throw new InvalidDataException($"{path}: row {cases.Count + 1}: input is empty"),
                Field("context"),
                Field("reference"),
                tags,
                human));
        }

        return cases;
    }

    private static string? Optional(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Text(value) : null;

    private static string Text(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText();
}
