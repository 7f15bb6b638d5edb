using Verdict.Experiments.Metrics;
using Verdict.Experiments.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Yaml;

/// <summary>
/// Loads a brief: parses the YAML with line numbers, reads its metrics file, validates every field and reports every
/// problem at once, then lints the valid brief (docs/brief.md).
/// </summary>
public static class BriefLoader
{
    /// <summary>
    /// Loads <paramref name="path"/> and the metrics files it names (relative to it); a file that is not strict UTF-8,
    /// is larger than <see cref="YamlInput.MaxBytes"/> or is a directory throws <see cref="InvalidDataException"/>.
    /// </summary>
    public static BriefLoadResult LoadFile(string path, double? dailyUnits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        return Parse(YamlInput.ReadFile(path), Path.GetFileName(path), name =>
        {
            var full = Path.Combine(directory, name);
            return File.Exists(full) ? YamlInput.ReadFile(full) : null;
        }, dailyUnits);
    }

    /// <summary>
    /// Parses brief text. <paramref name="readFile"/> returns a metrics file's text by its relative name, or null
    /// when it does not exist.
    /// </summary>
    public static BriefLoadResult Parse(string yaml, string fileName, Func<string, string?>? readFile = null, double? dailyUnits = null)
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        var context = new YamlContext([], new SourceMap());
        var document = ParseDocument(context, fileName, yaml);
        if (document is null)
        {
            return new BriefLoadResult(null, context.Problems);
        }

        var root = context.Mapping(fileName, document, string.Empty, BriefReader.RootFields);
        if (root is null)
        {
            return new BriefLoadResult(null, context.Problems);
        }

        var metrics = new Dictionary<string, MetricDefinition>(StringComparer.Ordinal);
        foreach (var metricsFile in root.Strings("metrics_file"))
        {
            var text = readFile?.Invoke(metricsFile);
            if (text is null)
            {
                root.Error("metrics_file", $"metrics file \"{metricsFile}\" not found beside {fileName}");
                continue;
            }

            var metricsRoot = context.Mapping(metricsFile, ParseDocument(context, metricsFile, text), string.Empty, ["metrics"]);
            if (metricsRoot is not null)
            {
                MetricsReader.ReadAll(metricsRoot.Mapping("metrics", [], required: true), metrics);
            }
        }

        MetricsReader.ReadAll(root.Mapping("metrics", []), metrics);
        MetricsReader.CheckReferences(context, fileName, metrics);
        var brief = BriefReader.Read(root, metrics);
        if (brief is not null)
        {
            BriefLinter.Lint(context, fileName, brief, dailyUnits);
        }

        var ordered = context.Problems
            .OrderBy(p => p.File == fileName ? 0 : 1)
            .ThenBy(p => p.File, StringComparer.Ordinal)
            .ThenBy(p => p.Line)
            .ThenBy(p => p.Column)
            .ToList();
        return new BriefLoadResult(brief, ordered);
    }

    private static YamlNode? ParseDocument(YamlContext context, string file, string yaml)
    {
        try
        {
            YamlInput.Check(yaml, file);
        }
        catch (InvalidDataException exception)
        {
            context.Problems.Add(new BriefProblem(ProblemSeverity.Error, file, 0, 0, string.Empty, exception.Message));
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException exception)
        {
            var message = (exception.InnerException?.Message ?? exception.Message).Trim();
            context.Problems.Add(new BriefProblem(ProblemSeverity.Error, file, (int)exception.Start.Line, (int)exception.Start.Column, string.Empty,
                $"YAML syntax error at line {exception.Start.Line}, column {exception.Start.Column}: {message}"));
            return null;
        }

        if (stream.Documents.Count != 1)
        {
            context.Problems.Add(new BriefProblem(ProblemSeverity.Error, file, 0, 0, string.Empty, stream.Documents.Count == 0 ? "the file is empty" : $"expected one YAML document, got {stream.Documents.Count}"));
            return null;
        }

        return stream.Documents[0].RootNode;
    }
}
