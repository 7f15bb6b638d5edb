using System.Text.RegularExpressions;
using Verdict.Assignment.Targeting;
using Verdict.Assignment.Units;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Ladder;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Validation;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads the brief's own fields into the model, checking each against the metrics it refers to.</summary>
internal static partial class BriefReader
{
    public static readonly string[] RootFields =
    [
        "key", "version", "owner", "hypothesis", "change", "unit", "eligibility", "arms", "receipt_must_match", "traffic",
        "metrics_file", "metrics", "primary_metric", "guardrails", "secondary_metrics", "segments", "analysis", "prices",
        "interleaving", "stages", "bandit",
    ];

    private static readonly string[] PriceFields = ["input_per_million", "output_per_million"];

    private static readonly string[] ReceiptFields = ["model", "prompt", "decoder", "retrieval_index", "components"];
    private static readonly string[] DecoderFields = ["selection", "temperature", "top_p", "max_tokens", "output_schema"];

    public static ExperimentBrief? Read(YamlFields root, IReadOnlyDictionary<string, MetricDefinition> metrics)
    {
        var key = root.String("key", required: true);
        if (key is not null && !KeyPattern().IsMatch(key))
        {
            root.Error("key", $"expected lower-case letters, digits, '.', '_' or '-', got \"{key}\"");
        }

        var version = root.Integer("version", required: true);
        if (version is < 1 or > int.MaxValue)
        {
            root.Error("version", $"must be a whole number of at least 1, got {version}");
        }

        var change = root.Mapping("change", ["field", "description"], required: true);
        var arms = ReadArms(root);
        var primary = MetricName(root, "primary_metric", metrics, required: true);
        var guardrails = root.Items("guardrails").Select(item => ReadGuardrail(root, item, metrics)).ToList();
        var secondary = root.Strings("secondary_metrics");
        for (var i = 0; i < secondary.Count; i++)
        {
            if (!metrics.ContainsKey(secondary[i]))
            {
                root.Context.ErrorAt($"secondary_metrics[{i}]", root.File, $"unknown metric \"{secondary[i]}\"");
            }
        }

        var brief = new ExperimentBrief
        {
            Key = key ?? string.Empty,
            Version = (int)Math.Clamp(version ?? 0, 0, int.MaxValue),
            Owner = root.String("owner", required: true) ?? string.Empty,
            Hypothesis = root.String("hypothesis", required: true) ?? string.Empty,
            Change = new IntendedChange(change?.String("field", required: true) ?? string.Empty, change?.String("description")),
            Unit = ReadUnit(root),
            Eligibility = ReadEligibility(root),
            Arms = arms,
            ReceiptMustMatch = root.Strings("receipt_must_match"),
            Traffic = TrafficReader.Read(root.Mapping("traffic", TrafficReader.Fields)),
            PrimaryMetric = primary ?? string.Empty,
            Guardrails = guardrails.OfType<Guardrail>().ToList(),
            SecondaryMetrics = secondary,
            Segments = root.Items("segments").Select(item => ReadSegment(root, item)).OfType<Segment>().ToList(),
            Analysis = AnalysisReader.Read(root, primary is null ? null : metrics.GetValueOrDefault(primary)),
            Metrics = new SortedDictionary<string, MetricDefinition>(metrics.ToDictionary(), StringComparer.Ordinal),
            Prices = ReadPrices(root),
            Interleaving = InterleavingReader.Read(root, arms),
            Stages = StagesReader.Read(root, guardrails),
            Bandit = BanditReader.Read(root, arms, primary is null ? null : metrics.GetValueOrDefault(primary)),
        };
        brief = StagesReader.StartTraffic(root, brief);
        BriefRules.Check(root.Context, root.File, brief);
        BanditReader.Check(root, brief);
        return root.Context.HasErrors ? null : brief;
    }

    private static UnitDesign ReadUnit(YamlFields root)
    {
        var f = root.Mapping("unit", ["randomization", "id", "cluster_key", "analysis", "stateful"], required: true);
        var randomization = f?.Choice("randomization", Vocabulary.Units, required: true) ?? RandomizationUnit.User;
        var clusterKey = f?.String("cluster_key");
        if (f is not null && randomization == RandomizationUnit.Cluster && clusterKey is null)
        {
            f.Error("cluster_key", "required field is missing (cluster randomization needs the attribute naming the cluster)");
        }

        return new UnitDesign(
            randomization,
            f?.String("id"),
            clusterKey,
            f?.Choice("analysis", Vocabulary.Units) ?? randomization,
            f?.Bool("stateful") ?? false);
    }

    private static Eligibility ReadEligibility(YamlFields root)
    {
        var f = root.Mapping("eligibility", ["enrollment_event", "first_only", "conditions"], required: true);
        var conditions = f?.Items("conditions")
            .Select(item => ConditionReader.Read(root.Context.Mapping(root.File, item.Node, item.Path, ConditionReader.ConditionFields), "attribute"))
            .OfType<(string Name, ConditionOperator Op, IReadOnlyList<string> Values)>()
            .Select(c => new EligibilityCondition(c.Name, c.Op, c.Values))
            .ToList() ?? [];
        return new Eligibility(f?.String("enrollment_event", required: true) ?? string.Empty, f?.Bool("first_only") ?? true, conditions);
    }

    private static List<ArmDefinition> ReadArms(YamlFields root)
    {
        var items = root.Items("arms", required: true);
        var arms = new List<ArmDefinition>();
        foreach (var (node, path) in items)
        {
            var f = root.Context.Mapping(root.File, node, path, ["name", "weight", "control", "receipt"]);
            if (f is null)
            {
                continue;
            }

            var weight = f.Number("weight", required: true);
            if (weight is < 0 or > 1)
            {
                f.Error("weight", $"must lie in [0, 1], got {weight}");
            }

            arms.Add(new ArmDefinition(f.String("name", required: true) ?? string.Empty, weight ?? 0, f.Bool("control") ?? false, ReadReceipt(f)));
        }

        return arms;
    }

    private static Receipt ReadReceipt(YamlFields arm)
    {
        var f = arm.Mapping("receipt", ReceiptFields);
        if (f is null)
        {
            return new Receipt();
        }

        var decoder = f.Mapping("decoder", DecoderFields);
        var maxTokens = decoder?.Integer("max_tokens");
        return new Receipt
        {
            Model = f.String("model"),
            Prompt = f.String("prompt"),
            RetrievalIndex = f.String("retrieval_index"),
            Decoder = decoder is null ? null : new DecoderSettings
            {
                Selection = decoder.String("selection"),
                Temperature = decoder.Number("temperature"),
                TopP = decoder.Number("top_p"),
                MaxTokens = maxTokens is > 0 and <= int.MaxValue ? (int)maxTokens : null,
                OutputSchema = decoder.String("output_schema"),
            },
            Components = f.TextMap("components"),
        };
    }

    private static Guardrail? ReadGuardrail(YamlFields root, (YamlDotNet.RepresentationModel.YamlNode Node, string Path) item, IReadOnlyDictionary<string, MetricDefinition> metrics)
    {
        var f = root.Context.Mapping(root.File, item.Node, item.Path, ["metric", "harmful", "budget", "rule", "alpha", "monitor"]);
        if (f is null)
        {
            return null;
        }

        var metric = MetricName(f, "metric", metrics, required: true);
        var unit = metric is null ? (MetricUnit?)null : metrics[metric].Unit;
        var budget = ChangeReader.Read(f, "budget", unit);
        if (budget is { Value: < 0 })
        {
            f.Error("budget", $"a budget is the largest harm allowed and cannot be negative, got \"{f.String("budget")}\"");
        }

        var alpha = f.Number("alpha");
        if (alpha is not null and not (> 0 and < 1))
        {
            f.Error("alpha", $"must lie strictly between 0 and 1, got {alpha}");
        }

        return new Guardrail(
            metric ?? string.Empty,
            f.Choice("harmful", Vocabulary.Directions) ?? HarmfulDirection.Increase,
            budget,
            f.Choice("rule", Vocabulary.Rules) ?? GuardrailRule.ObservedDelta,
            alpha)
        {
            Monitor = MonitorReader.Read(f, unit, budget),
        };
    }

    private static Segment? ReadSegment(YamlFields root, (YamlDotNet.RepresentationModel.YamlNode Node, string Path) item)
    {
        var f = root.Context.Mapping(root.File, item.Node, item.Path, ["name", "attribute", "critical"]);
        var name = f?.String("name", required: true);
        return f is null || name is null ? null : new Segment(name, f.String("attribute") ?? name, f.Bool("critical") ?? false);
    }

    public static string? MetricName(YamlFields f, string key, IReadOnlyDictionary<string, MetricDefinition> metrics, bool required)
    {
        var name = f.String(key, required);
        if (name is not null && !metrics.ContainsKey(name))
        {
            var known = metrics.Count == 0 ? "no metrics are defined (add metrics: or metrics_file:)" : "known: " + string.Join(", ", metrics.Keys.Order(StringComparer.Ordinal));
            f.Error(key, $"unknown metric \"{name}\"; {known}");
            return null;
        }

        return name;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$")]
    private static partial Regex KeyPattern();

    /// <summary><c>prices: {MODEL: {input_per_million: X, output_per_million: Y}}</c>, USD; null when absent.</summary>
    private static SortedDictionary<string, TokenPrice>? ReadPrices(YamlFields root)
    {
        var map = root.Mapping("prices", []);
        if (map is null)
        {
            return null;
        }

        var prices = new SortedDictionary<string, TokenPrice>(StringComparer.Ordinal);
        foreach (var (name, _) in map.Node.Children)
        {
            var model = ((YamlDotNet.RepresentationModel.YamlScalarNode)name).Value ?? string.Empty;
            var f = map.Mapping(model, PriceFields, required: true);
            var input = f?.Number("input_per_million", required: true);
            var output = f?.Number("output_per_million", required: true);
            foreach (var (field, value) in new[] { ("input_per_million", input), ("output_per_million", output) })
            {
                if (value is { } v && !(double.IsFinite(v) && v >= 0))
                {
                    f!.Error(field, $"a price must be a finite number of USD at least 0, got {v}");
                }
            }

            if (input is { } i && output is { } o)
            {
                prices[model] = new TokenPrice(i, o);
            }
        }

        return prices;
    }
}
