using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using NJsonSchema;
using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;
using Verdict.Arena.Providers;

namespace Verdict.Arena.Evaluation;

/// <summary>
/// A check that needs no model: contains, not_contains, regex, json, json_schema, max_latency_ms, max_tokens,
/// max_cost, exact_match (against the reference, whitespace-trimmed).
/// </summary>
public sealed class DeterministicCheck : IOutputEvaluator
{
    private readonly EvaluatorSpec spec;
    private readonly Regex? regex;
    private readonly JsonSchema? schema;
    private readonly double limit;

    private DeterministicCheck(EvaluatorSpec spec, JsonSchema? schema)
    {
        this.spec = spec;
        this.schema = schema;
        Name = spec.Name ?? spec.Kind + (spec.Value ?? spec.Pattern ?? spec.Schema) switch { null => "", var argument => $"({argument})" };
        if (spec.Kind == "regex")
        {
            regex = new Regex(spec.Pattern!, (spec.CaseSensitive ? RegexOptions.None : RegexOptions.IgnoreCase) | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }

        if (spec.Kind.StartsWith("max_", StringComparison.Ordinal))
        {
            limit = double.Parse(spec.Value!, NumberStyles.Float, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The check's name in results.</summary>
    public string Name { get; }

    /// <summary>Variants it applies to (empty: all).</summary>
    public IReadOnlyList<string> Variants => spec.Variants;

    IReadOnlyCollection<string> IOutputEvaluator.MetricNames => [Name];

    /// <summary>Builds a check, loading its JSON Schema when it has one.</summary>
    public static async Task<DeterministicCheck> CreateAsync(EvaluatorSpec spec, ArenaSpec arena, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(arena);
        JsonSchema? schema = null;
        if (spec.Kind == "json_schema")
        {
            var path = arena.Resolve(spec.Schema!);
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"evaluators.{spec.Name ?? spec.Kind}: schema file not found: {spec.Schema}");
            }

            schema = await JsonSchema.FromJsonAsync(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }

        return new DeterministicCheck(spec, schema);
    }

    /// <summary>Runs the check on one reply.</summary>
    public CheckResult Evaluate(GoldenCase goldenCase, ModelReply reply)
    {
        ArgumentNullException.ThrowIfNull(goldenCase);
        ArgumentNullException.ThrowIfNull(reply);
        var text = reply.Text;
        var comparison = spec.CaseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return spec.Kind switch
        {
            "contains" => Result(text.Contains(spec.Value!, comparison), $"does not contain \"{spec.Value}\""),
            "not_contains" => Result(!text.Contains(spec.Value!, comparison), $"contains \"{spec.Value}\""),
            "regex" => Result(regex!.IsMatch(text), $"does not match /{spec.Pattern}/"),
            "json" => Result(ParseJson(text) is null, ParseJson(text)),
            "json_schema" => SchemaResult(text),
            "max_latency_ms" => Measured(reply.LatencyMs, "ms"),
            "max_tokens" => Measured(reply.OutputTokens, "output tokens"),
            "max_cost" => Measured(reply.Cost, "cost"),
            "exact_match" => goldenCase.Reference is null
                ? new CheckResult(Name, false, "the case has no reference answer")
                : Result(string.Equals(text.Trim(), goldenCase.Reference.Trim(), comparison), "differs from the reference"),
            _ => throw new InvalidOperationException($"unknown check kind {spec.Kind}"),
        };
    }

    /// <summary>As an evaluator: the check's result on a variant it applies to, nothing on the others.</summary>
    ValueTask<OutputEvaluation> IOutputEvaluator.EvaluateAsync(EvaluatedOutput output, CancellationToken cancellationToken) =>
        ValueTask.FromResult(spec.Variants.Count == 0 || spec.Variants.Contains(output.Variant)
            ? new OutputEvaluation([Evaluate(output.Case, output.Reply)])
            : OutputEvaluation.Empty);

    private CheckResult Result(bool passed, string? whyNot) => new(Name, passed, passed ? null : whyNot);

    private CheckResult Measured(double value, string unit) => double.IsNaN(value)
        ? new CheckResult(Name, false, $"{unit} not recorded")
        : new CheckResult(Name, value <= limit, string.Create(CultureInfo.InvariantCulture, $"{value:0.######} {unit} (limit {limit:0.######})"));

    private CheckResult SchemaResult(string text)
    {
        if (ParseJson(text) is { } error)
        {
            return new CheckResult(Name, false, error);
        }

        var errors = schema!.Validate(text);
        return Result(errors.Count == 0, string.Join("; ", errors.Select(e => $"{e.Path}: {e.Kind}")));
    }

    private static string? ParseJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
            return null;
        }
        catch (JsonException exception)
        {
            return $"not valid JSON: {exception.Message}";
        }
    }
}
