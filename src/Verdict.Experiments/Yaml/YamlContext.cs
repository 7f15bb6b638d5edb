using Verdict.Experiments.Validation;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Yaml;

/// <summary>Collects problems and source locations while one or more YAML files are read.</summary>
internal sealed class YamlContext(List<BriefProblem> problems, SourceMap map)
{
    public List<BriefProblem> Problems { get; } = problems;

    public SourceMap Map { get; } = map;

    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public void Error(string file, YamlNode? node, string path, string message) =>
        Problems.Add(new BriefProblem(ProblemSeverity.Error, file, node is null ? 0 : (int)node.Start.Line, node is null ? 0 : (int)node.Start.Column, path, message));

    public void ErrorAt(string path, string fallbackFile, string message)
    {
        var at = Map.Find(path, fallbackFile);
        Problems.Add(new BriefProblem(ProblemSeverity.Error, at.File, at.Line, at.Column, path, message));
    }

    public void WarningAt(string path, string fallbackFile, string rule, string message)
    {
        var at = Map.Find(path, fallbackFile);
        Problems.Add(new BriefProblem(ProblemSeverity.Warning, at.File, at.Line, at.Column, path, message, rule));
    }

    /// <summary>Reads a mapping node, reporting unknown and misspelt fields.</summary>
    public YamlFields? Mapping(string file, YamlNode? node, string path, IReadOnlyCollection<string> allowed)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(file, node, path, $"expected a mapping of fields, got {YamlFields.Describe(node)}");
            return null;
        }

        Map.Record(path, new SourceLocation(file, (int)mapping.Start.Line, (int)mapping.Start.Column));
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var fieldPath = YamlFields.Join(path, key);
            if (allowed.Count > 0 && !allowed.Contains(key))
            {
                var near = allowed.Where(a => Distance(a, key) <= 2).Order(StringComparer.Ordinal).FirstOrDefault();
                Error(file, keyNode, fieldPath, $"unknown field \"{key}\"" + (near is null ? string.Empty : $" (did you mean \"{near}\"?)"));
                continue;
            }

            fields[key] = value;
            Map.Record(fieldPath, new SourceLocation(file, (int)value.Start.Line, (int)value.Start.Column));
        }

        return new YamlFields(this, file, mapping, path, fields);
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
            }
        }

        return d[a.Length, b.Length];
    }
}
