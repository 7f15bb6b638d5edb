using System.Globalization;

namespace Verdict.Cli.Commands.Tabular;

/// <summary>One record of a CSV or NDJSON file: its fields by (dotted) name, and where it came from for error messages.</summary>
internal sealed class TableRecord(string file, int line, IReadOnlyDictionary<string, string?> fields)
{
    /// <summary>"decisions.ndjson line 12".</summary>
    public string Where => $"{file} line {line}";

    /// <summary>The field names present.</summary>
    public IEnumerable<string> Names => fields.Keys;

    /// <summary>The text of <paramref name="name"/>, or null when absent or empty.</summary>
    public string? Text(string name) => fields.TryGetValue(name, out var value) ? value : null;

    /// <summary>The text of a field that must be present.</summary>
    public string RequiredText(string name) => Text(name) ?? throw new CliException($"{Where}: missing \"{name}\"");

    /// <summary>The number in <paramref name="name"/>; NaN when absent or null; an error when not a number.</summary>
    public double Number(string name)
    {
        var text = Text(name);
        if (text is null)
        {
            return double.NaN;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new CliException($"{Where}: \"{name}\" is not a number (\"{text}\")");
        }

        return value;
    }

    /// <summary>A number that must be present.</summary>
    public double RequiredNumber(string name) =>
        Text(name) is null ? throw new CliException($"{Where}: missing \"{name}\"") : Number(name);

    /// <summary>The numeric fields under <paramref name="prefix"/> (e.g. "context."), keyed by the rest of the name.</summary>
    public Dictionary<string, double> Numbers(string prefix)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var name in fields.Keys)
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal) && name.Length > prefix.Length)
            {
                values[name[prefix.Length..]] = Number(name);
            }
        }

        return values;
    }
}
