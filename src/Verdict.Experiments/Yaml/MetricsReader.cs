using Verdict.Experiments.Metrics;
using Verdict.Experiments.Proxies;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads metric definitions from a brief's <c>metrics</c> mapping or a shared metrics file.</summary>
internal static class MetricsReader
{
    private static readonly string[] MetricFields =
        ["description", "type", "event", "events", "value", "within", "unless", "where", "numerator", "denominator", "quantile", "covariate", "unit"];

    public static void ReadAll(YamlFields? metrics, Dictionary<string, MetricDefinition> into)
    {
        if (metrics is null)
        {
            return;
        }

        foreach (var (keyNode, _) in metrics.Node.Children)
        {
            var name = ((YamlDotNet.RepresentationModel.YamlScalarNode)keyNode).Value ?? string.Empty;
            if (into.ContainsKey(name))
            {
                metrics.Error(name, $"metric \"{name}\" is defined twice");
                continue;
            }

            if (ProxyMetricReader.KindOf(metrics.Get(name)) is { } proxy)
            {
                ProxyMetricReader.Read(metrics, name, proxy, into);
            }
            else if (Read(metrics.Mapping(name, MetricFields, required: true), name) is { } metric)
            {
                into[name] = metric;
            }
        }
    }

    private static MetricDefinition? Read(YamlFields? f, string name)
    {
        if (f is null)
        {
            return null;
        }

        var type = f.Choice("type", Vocabulary.MetricTypes, required: true);
        var events = f.Has("events") ? f.Strings("events") : f.Has("event") ? [f.String("event")!] : [];
        var value = f.String("value");
        var quantile = f.Number("quantile");
        var unit = f.Choice("unit", Vocabulary.MetricUnits)
            ?? type switch { MetricType.Binary => MetricUnit.Proportion, MetricType.Count => MetricUnit.Count, _ => MetricUnit.Number };
        if (type is null)
        {
            return null;
        }

        if (type == MetricType.Ratio)
        {
            foreach (var part in new[] { "numerator", "denominator" })
            {
                f.String(part, required: true);
            }

            if (events.Count > 0)
            {
                f.Error(f.Has("events") ? "events" : "event", "a ratio is built from its numerator and denominator metrics, not from events");
            }
        }
        else if (events.Count == 0)
        {
            f.Error("event", "required field is missing (the event the metric is built from)");
        }

        if (type is MetricType.Sum or MetricType.Mean or MetricType.Quantile && value is null)
        {
            f.Error("value", $"required field is missing (the event property a {type.Value.ToString().ToLowerInvariant()} metric reads)");
        }

        if (type == MetricType.Quantile && !(quantile is > 0 and < 1))
        {
            f.Error("quantile", quantile is null ? "required field is missing (for example 0.95)" : $"must lie strictly between 0 and 1, got {quantile}");
        }

        if (type == MetricType.Binary && unit != MetricUnit.Proportion)
        {
            f.Error("unit", "a binary metric is a proportion");
        }

        var unless = f.Mapping("unless", ["event", "within", "after"]);
        if (unless?.String("after") is { } after && events.Count > 0 && !events.Contains(after))
        {
            // The exclusion removes the metric's own events; an unrelated "after" event would silently exclude nothing.
            unless.Error("after", $"must be one of the metric's events ({string.Join(", ", events)}), got \"{after}\"");
        }

        var covariate = f.Mapping("covariate", ["metric", "lookback", "period"]);
        return new MetricDefinition
        {
            Name = name,
            Description = f.String("description"),
            Type = type.Value,
            Events = events,
            Value = value,
            Within = f.Duration("within"),
            Unless = unless is null ? null : new EventExclusion(
                unless.String("event", required: true) ?? string.Empty,
                unless.Duration("within", required: true) ?? TimeSpan.Zero,
                unless.String("after") ?? (events.Count > 0 ? events[0] : string.Empty)),
            Where = f.Items("where")
                .Select(item => ConditionReader.Read(f.Context.Mapping(f.File, item.Node, item.Path, ConditionReader.FilterFields), "property"))
                .OfType<(string Name, Verdict.Assignment.Targeting.ConditionOperator Op, IReadOnlyList<string> Values)>()
                .Select(c => new PropertyFilter(c.Name, c.Op, c.Values))
                .ToList(),
            Numerator = f.String("numerator"),
            Denominator = f.String("denominator"),
            Quantile = quantile,
            Covariate = covariate is null ? null : new CupedCovariate(
                covariate.String("metric") ?? name,
                covariate.Duration("lookback", required: true) ?? TimeSpan.Zero,
                covariate.Choice("period", Vocabulary.Periods) ?? CovariatePeriod.PreExposure),
            Unit = unit,
        };
    }

    /// <summary>Reports references to metrics that do not exist (ratio parts, covariates).</summary>
    public static void CheckReferences(YamlContext context, string file, IReadOnlyDictionary<string, MetricDefinition> metrics)
    {
        foreach (var metric in metrics.Values)
        {
            var at = $"metrics.{metric.Name}";
            foreach (var (field, reference) in new[] { ("numerator", metric.Numerator), ("denominator", metric.Denominator), ("covariate.metric", metric.Covariate?.Metric) })
            {
                if (reference is not null && !metrics.ContainsKey(reference))
                {
                    context.ErrorAt($"{at}.{field}", file, $"unknown metric \"{reference}\"");
                }
            }
        }
    }
}
