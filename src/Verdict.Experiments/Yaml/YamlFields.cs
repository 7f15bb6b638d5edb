using System.Globalization;
using Verdict.Experiments.Quantities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Yaml;

/// <summary>The fields of one YAML mapping, read with typed accessors that report problems at the field's line.</summary>
internal sealed class YamlFields(YamlContext context, string file, YamlMappingNode node, string path, Dictionary<string, YamlNode> fields)
{
    public YamlContext Context => context;

    public string File => file;

    public YamlMappingNode Node => node;

    public string PathOf => path;

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public static string Describe(YamlNode? node) => node switch
    {
        null => "nothing",
        YamlScalarNode s when IsNull(s) => "nothing",
        YamlScalarNode { Value.Length: > 60 } s => $"\"{s.Value[..57]}…\" ({s.Value.Length:N0} characters)",
        YamlScalarNode s => $"\"{s.Value}\"",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a mapping",
        _ => "an unsupported node",
    };

    public string Path(string key) => Join(path, key);

    public bool Has(string key) => fields.TryGetValue(key, out var value) && !(value is YamlScalarNode s && IsNull(s));

    public YamlNode? Get(string key) => fields.GetValueOrDefault(key);

    public void Error(string key, string message) => context.Error(file, fields.GetValueOrDefault(key) ?? node, Path(key), message);

    public string? String(string key, bool required = false)
    {
        if (!Has(key))
        {
            Missing(key, required);
            return null;
        }

        if (fields[key] is YamlScalarNode scalar)
        {
            return scalar.Value;
        }

        Error(key, $"expected text, got {Describe(fields[key])}");
        return null;
    }

    public double? Number(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        Error(key, $"expected a number, got \"{text}\"");
        return null;
    }

    public long? Integer(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Error(key, $"expected a whole number, got \"{text}\"");
        return null;
    }

    public bool? Bool(string key)
    {
        var text = String(key);
        switch (text)
        {
            case null:
                return null;
            case "true" or "True" or "yes":
                return true;
            case "false" or "False" or "no":
                return false;
            default:
                Error(key, $"expected true or false, got \"{text}\"");
                return null;
        }
    }

    public T? Choice<T>(string key, IReadOnlyDictionary<string, T> names, bool required = false)
        where T : struct
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (names.TryGetValue(text, out var value))
        {
            return value;
        }

        Error(key, $"expected one of {string.Join(", ", names.Keys)}, got \"{text}\"");
        return null;
    }

    public TimeSpan? Duration(string key, bool required = false)
    {
        var text = String(key, required);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration))
        {
            return duration;
        }

        Error(key, $"expected a duration such as 10m, 36h or 7d, got \"{text}\"");
        return null;
    }

    /// <summary>A list of texts; a single text is accepted as a list of one.</summary>
    public IReadOnlyList<string> Strings(string key, bool required = false)
    {
        if (!Has(key))
        {
            Missing(key, required);
            return [];
        }

        switch (fields[key])
        {
            case YamlScalarNode scalar:
                return [scalar.Value ?? string.Empty];
            case YamlSequenceNode sequence:
                var list = new List<string>();
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    if (sequence.Children[i] is YamlScalarNode item && !IsNull(item))
                    {
                        list.Add(item.Value!);
                    }
                    else
                    {
                        context.Error(file, sequence.Children[i], $"{Path(key)}[{i}]", $"expected text, got {Describe(sequence.Children[i])}");
                    }
                }

                return list;
            default:
                Error(key, $"expected a list, got {Describe(fields[key])}");
                return [];
        }
    }

    /// <summary>The items of a list field with their paths.</summary>
    public IReadOnlyList<(YamlNode Node, string Path)> Items(string key, bool required = false)
    {
        if (!Has(key))
        {
            Missing(key, required);
            return [];
        }

        if (fields[key] is not YamlSequenceNode sequence)
        {
            Error(key, $"expected a list, got {Describe(fields[key])}");
            return [];
        }

        return sequence.Children.Select((child, i) =>
        {
            context.Map.Record($"{Path(key)}[{i}]", new SourceLocation(file, (int)child.Start.Line, (int)child.Start.Column));
            return (child, $"{Path(key)}[{i}]");
        }).ToList();
    }

    /// <summary>A nested mapping.</summary>
    public YamlFields? Mapping(string key, IReadOnlyCollection<string> allowed, bool required = false)
    {
        if (!Has(key))
        {
            Missing(key, required);
            return null;
        }

        return context.Mapping(file, fields[key], Path(key), allowed);
    }

    /// <summary>A mapping of names to texts (components, forced assignments).</summary>
    public IReadOnlyDictionary<string, string> TextMap(string key)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var map = Mapping(key, []);
        if (map is null)
        {
            return result;
        }

        foreach (var (name, _) in map.Node.Children)
        {
            var k = ((YamlScalarNode)name).Value ?? string.Empty;
            if (map.String(k, required: true) is { } value)
            {
                result[k] = value;
            }
        }

        return result;
    }

    private void Missing(string key, bool required)
    {
        if (required)
        {
            context.Error(file, fields.GetValueOrDefault(key) ?? node, Path(key), "required field is missing");
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && (string.IsNullOrEmpty(scalar.Value) || scalar.Value is "~" or "null" or "Null" or "NULL");
}
