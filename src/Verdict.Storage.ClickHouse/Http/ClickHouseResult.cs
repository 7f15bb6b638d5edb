using System.Globalization;
using System.Text;

namespace Verdict.Storage.ClickHouse.Http;

/// <summary>
/// A query result read from TabSeparatedWithNamesAndTypes: column names, ClickHouse type names and rows whose cells are
/// <see cref="long"/> (integer types), <see cref="double"/> (floats, including inf and nan), <see cref="string"/>
/// (strings and every other type, as the server prints them) or <see cref="DBNull"/> (<c>\N</c>).
/// </summary>
public sealed class ClickHouseResult
{
    private ClickHouseResult(IReadOnlyList<string> names, IReadOnlyList<string> types, IReadOnlyList<object[]> rows)
    {
        Names = names;
        Types = types;
        Rows = rows;
    }

    /// <summary>Column names in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>ClickHouse type names in order, e.g. <c>Nullable(Float64)</c>.</summary>
    public IReadOnlyList<string> Types { get; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<object[]> Rows { get; }

    /// <summary>Parses a whole TabSeparatedWithNamesAndTypes body.</summary>
    public static ClickHouseResult Parse(ReadOnlySpan<byte> body)
    {
        var lines = new List<List<byte[]?>>();
        var start = 0;
        while (start < body.Length)
        {
            var end = body[start..].IndexOf((byte)'\n');
            var line = end < 0 ? body[start..] : body.Slice(start, end);
            lines.Add(SplitFields(line));
            start += end < 0 ? body.Length : end + 1;
        }

        if (lines.Count < 2)
        {
            throw new ClickHouseException("ClickHouse reply has no header lines (expected TabSeparatedWithNamesAndTypes)");
        }

        var names = lines[0].Select(Text).ToList();
        var types = lines[1].Select(Text).ToList();
        var rows = new List<object[]>(lines.Count - 2);
        foreach (var fields in lines.Skip(2))
        {
            if (fields.Count != names.Count)
            {
                throw new ClickHouseException($"ClickHouse reply row has {fields.Count} fields, header has {names.Count}");
            }

            rows.Add(fields.Select((f, i) => Convert(f, types[i])).ToArray());
        }

        return new ClickHouseResult(names, types, rows);
    }

    private static string Text(byte[]? field) => field is null ? string.Empty : Encoding.UTF8.GetString(field);

    /// <summary>One cell's value from its unescaped bytes (null for <c>\N</c>) and its column type.</summary>
    internal static object Convert(byte[]? field, string type)
    {
        if (field is null)
        {
            return DBNull.Value;
        }

        var bare = type.StartsWith("Nullable(", StringComparison.Ordinal) ? type[9..^1] : type;
        var text = Encoding.UTF8.GetString(field);
        if (bare.StartsWith("Int", StringComparison.Ordinal) || bare.StartsWith("UInt", StringComparison.Ordinal))
        {
            return long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        }

        if (bare.StartsWith("Float", StringComparison.Ordinal))
        {
            return text switch
            {
                "inf" or "+inf" => double.PositiveInfinity,
                "-inf" => double.NegativeInfinity,
                "nan" or "-nan" => double.NaN,
                _ => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
            };
        }

        return text;
    }

    /// <summary>Splits a line at tabs and undoes TabSeparated escaping; a field that is exactly <c>\N</c> is null.</summary>
    internal static List<byte[]?> SplitFields(ReadOnlySpan<byte> line)
    {
        var fields = new List<byte[]?>();
        var current = new List<byte>();
        var isNull = false;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == (byte)'\t')
            {
                fields.Add(isNull && current.Count == 0 ? null : current.ToArray());
                current.Clear();
                isNull = false;
                continue;
            }

            if (line[i] != (byte)'\\' || i + 1 == line.Length)
            {
                current.Add(line[i]);
                continue;
            }

            var next = line[++i];
            switch (next)
            {
                case (byte)'N' when current.Count == 0 && (i + 1 == line.Length || line[i + 1] == (byte)'\t'):
                    isNull = true;
                    break;
                case (byte)'t': current.Add((byte)'\t'); break;
                case (byte)'n': current.Add((byte)'\n'); break;
                case (byte)'r': current.Add((byte)'\r'); break;
                case (byte)'0': current.Add(0); break;
                case (byte)'b': current.Add((byte)'\b'); break;
                case (byte)'f': current.Add((byte)'\f'); break;
                case (byte)'a': current.Add((byte)'\a'); break;
                case (byte)'v': current.Add((byte)'\v'); break;
                default: current.Add(next); break;
            }
        }

        return fields;
    }
}
