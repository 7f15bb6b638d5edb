using System.Globalization;
using Verdict.Experiments.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Verdict.Arena.Configuration;

/// <summary>Reads and validates arena.yaml once; problems throw <see cref="InvalidDataException"/> naming the field.</summary>
public static class ArenaSpecLoader
{
    /// <summary>Deterministic check kinds.</summary>
    public static readonly IReadOnlySet<string> CheckKinds = new HashSet<string>(StringComparer.Ordinal)
    {
        "contains", "not_contains", "regex", "json", "json_schema", "max_latency_ms", "max_tokens", "max_cost", "exact_match",
    };

    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Loads arena.yaml from <paramref name="path"/>.</summary>
    public static ArenaSpec Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"arena file not found: {path}", path);
        }

        var spec = Parse(YamlInput.ReadFile(path), path);
        spec.BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        foreach (var evaluator in spec.Evaluators.Where(e => e.Kind == "rubric" && e.Axes.Count == 0 && e.Rubric is not null))
        {
            var rubricPath = spec.Resolve(evaluator.Rubric!);
            if (!File.Exists(rubricPath))
            {
                throw new InvalidDataException($"evaluators: rubric file not found: {evaluator.Rubric}");
            }

            var rubric = Parse<RubricFile>(YamlInput.ReadFile(rubricPath), rubricPath);
            evaluator.Axes.AddRange(rubric.Axes);
        }

        Validate(spec);
        return spec;
    }

    /// <summary>Parses arena YAML text without resolving files (for tests and tools).</summary>
    public static ArenaSpec Parse(string yaml, string source = "arena.yaml") => Parse<ArenaSpec>(yaml, source);

    private static T Parse<T>(string yaml, string source)
    {
        YamlInput.Check(yaml, source);
        try
        {
            return Deserializer.Deserialize<T>(yaml) ?? throw new InvalidDataException($"{source}: the file is empty");
        }
        catch (YamlException exception)
        {
            var inner = exception.InnerException?.Message ?? exception.Message;
            throw new InvalidDataException($"{source}: line {exception.Start.Line.ToString(CultureInfo.InvariantCulture)}: {inner}", exception);
        }
    }

    /// <summary>Checks the rules a well-formed arena must satisfy.</summary>
    public static void Validate(ArenaSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Dataset))
        {
            throw new InvalidDataException("dataset: a golden set file is required");
        }

        if (spec.Variants.Count < 2)
        {
            throw new InvalidDataException("variants: at least two variants are required");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var variant in spec.Variants)
        {
            if (string.IsNullOrWhiteSpace(variant.Name) || !names.Add(variant.Name))
            {
                throw new InvalidDataException($"variants: every variant needs a unique name (\"{variant.Name}\")");
            }

            ValidateEndpoint(variant, $"variants.{variant.Name}");
        }

        foreach (var (field, name) in new[] { ("control", spec.Control), ("treatment", spec.Treatment) })
        {
            if (name is not null && !names.Contains(name))
            {
                throw new InvalidDataException($"{field}: no variant named \"{name}\"");
            }
        }

        if (spec.ControlName == spec.TreatmentName)
        {
            throw new InvalidDataException("treatment: must differ from control");
        }

        foreach (var evaluator in spec.Evaluators)
        {
            ValidateEvaluator(spec, evaluator);
        }

        var s = spec.Statistics;
        if (!(s.Alpha > 0 && s.Alpha < 1))
        {
            throw new InvalidDataException($"statistics.alpha: must lie strictly between 0 and 1, got {s.Alpha}");
        }

        if (s.Test is not ("wilcoxon" or "sign" or "t"))
        {
            throw new InvalidDataException($"statistics.test: must be wilcoxon, sign or t, got \"{s.Test}\"");
        }

        if (s.BootstrapResamples < 100 || !(s.MinimumDetectableDifference > 0) || !(s.Power > s.Alpha && s.Power < 1))
        {
            throw new InvalidDataException("statistics: bootstrap_resamples must be at least 100, minimum_detectable_difference positive, power in (alpha, 1)");
        }

        var e = spec.Execution;
        if (e.Concurrency < 1 || !(e.TimeoutSeconds > 0) || e.MaxRetries < 0 || !(e.BackoffSeconds >= 0))
        {
            throw new InvalidDataException("execution: concurrency ≥ 1, timeout_seconds > 0, max_retries ≥ 0 and backoff_seconds ≥ 0 are required");
        }

        if (spec.Gate.MinJudgeAgreement is { } agreement && !(agreement >= 0 && agreement <= 1))
        {
            throw new InvalidDataException($"gate.min_judge_agreement: must lie in [0, 1], got {agreement}");
        }

        foreach (var rule in spec.Gate.Rules)
        {
            if (rule.Kind is not ("better" or "not_worse" or "checks_pass" or "win_rate"))
            {
                throw new InvalidDataException($"gate.rules: unknown kind \"{rule.Kind}\" (better, not_worse, checks_pass, win_rate)");
            }

            if (rule.Kind == "better" && string.IsNullOrWhiteSpace(rule.Axis))
            {
                throw new InvalidDataException("gate.rules: a \"better\" rule needs an axis");
            }
        }
    }

    private static void ValidateEvaluator(ArenaSpec spec, EvaluatorSpec evaluator)
    {
        var where = $"evaluators.{evaluator.Name ?? evaluator.Kind}";
        switch (evaluator.Kind)
        {
            case "contains" or "not_contains" when string.IsNullOrEmpty(evaluator.Value):
                throw new InvalidDataException($"{where}: value is required");
            case "regex" when string.IsNullOrEmpty(evaluator.Pattern):
                throw new InvalidDataException($"{where}: pattern is required");
            case "json_schema" when string.IsNullOrEmpty(evaluator.Schema):
                throw new InvalidDataException($"{where}: schema is required");
            case "max_latency_ms" or "max_tokens" or "max_cost"
                when !double.TryParse(evaluator.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                throw new InvalidDataException($"{where}: value must be a number");
            case "similarity" when evaluator.Embedding is null:
                throw new InvalidDataException($"{where}: embedding is required");
            case "similarity":
                ValidateEndpoint(evaluator.Embedding!, $"{where}.embedding");
                RouteIfLive(spec, evaluator.Embedding!, $"{where}.embedding");
                break;
            case "rubric" or "pairwise" when spec.Judge is null:
                throw new InvalidDataException($"{where}: a judge is required");
            case "rubric":
                if (evaluator.Axes.Count == 0)
                {
                    throw new InvalidDataException($"{where}: axes (or a rubric file) are required");
                }

                foreach (var axis in evaluator.Axes)
                {
                    if (string.IsNullOrWhiteSpace(axis.Name) || !axis.Anchors.ContainsKey(1) || !axis.Anchors.ContainsKey(3) || !axis.Anchors.ContainsKey(5))
                    {
                        throw new InvalidDataException($"{where}: axis \"{axis.Name}\" needs a name and anchors at 1, 3 and 5");
                    }
                }

                ValidateEndpoint(spec.Judge!, "judge");
                RouteIfLive(spec, spec.Judge!, "judge");
                break;
            case "pairwise":
                ValidateEndpoint(spec.Judge!, "judge");
                RouteIfLive(spec, spec.Judge!, "judge");
                break;
            default:
                if (!CheckKinds.Contains(evaluator.Kind))
                {
                    throw new InvalidDataException($"{where}: unknown kind \"{evaluator.Kind}\"");
                }

                break;
        }

        foreach (var variant in evaluator.Variants)
        {
            if (spec.Variants.All(v => v.Name != variant))
            {
                throw new InvalidDataException($"{where}: no variant named \"{variant}\"");
            }
        }
    }

    /// <summary>Refuses at load time a judge or embedder whose calls would have nowhere agreed to go (<see cref="ArenaEndpoints"/>).</summary>
    private static void RouteIfLive(ArenaSpec spec, ModelEndpointSpec endpoint, string where)
    {
        if (endpoint.Provider == "openai")
        {
            ArenaEndpoints.Route(spec, endpoint, where);
        }
    }

    private static void ValidateEndpoint(ModelEndpointSpec endpoint, string where)
    {
        switch (endpoint.Provider)
        {
            case "replay" when string.IsNullOrWhiteSpace(endpoint.Replay):
                throw new InvalidDataException($"{where}: the replay provider needs a replay file");
            case "replay":
                return;
            case "openai" or "ollama" when string.IsNullOrWhiteSpace(endpoint.Model):
                throw new InvalidDataException($"{where}: model is required");
            case "openai" or "ollama":
                if (endpoint.Endpoint is not null && !Uri.TryCreate(endpoint.Endpoint, UriKind.Absolute, out _))
                {
                    throw new InvalidDataException($"{where}: endpoint is not an absolute URL: {endpoint.Endpoint}");
                }

                return;
            default:
                throw new InvalidDataException($"{where}: unknown provider \"{endpoint.Provider}\" (openai, ollama, replay)");
        }
    }

    private sealed class RubricFile
    {
        public List<RubricAxisSpec> Axes { get; init; } = [];
    }
}
