using Verdict.Assignment.Targeting;
using Verdict.Experiments.Metrics;
using Verdict.Experiments.Yaml;
using YamlDotNet.RepresentationModel;

namespace Verdict.Experiments.Proxies;

/// <summary>
/// Reads the proxy metric kinds of LLM quality — <c>regeneration_rate</c>, <c>edit_distance</c>, <c>thumbs</c>
/// (docs/brief.md, "Proxy metrics") — and writes each as the ordinary metrics it stands for: a per-answer ratio of two
/// counts (or of a sum and a count) over the conventional events, so the analysis compiles and tests it like any ratio.
/// The parts are named <c>{metric}#{part}</c>, a name no YAML key of an ordinary metric needs.
/// </summary>
internal static class ProxyMetricReader
{
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["regeneration_rate"] = ["description", "type", "event", "answer_event", "within"],
        ["edit_distance"] = ["description", "type", "event", "value", "within"],
        ["thumbs"] = ["description", "type", "event", "rating", "within"],
    };

    /// <summary>The proxy kind <paramref name="node"/> declares as its <c>type</c>, or null for an ordinary metric.</summary>
    public static string? KindOf(YamlNode? node) =>
        node is YamlMappingNode mapping
        && mapping.Children.FirstOrDefault(c => c.Key is YamlScalarNode { Value: "type" }).Value is YamlScalarNode { Value: { } type }
        && Fields.ContainsKey(type) ? type : null;

    /// <summary>Reads proxy metric <paramref name="name"/> of kind <paramref name="kind"/> into its ordinary definitions.</summary>
    public static void Read(YamlFields metrics, string name, string kind, Dictionary<string, MetricDefinition> into)
    {
        var f = metrics.Mapping(name, Fields[kind], required: true);
        if (f is null)
        {
            return;
        }

        var within = f.Duration("within");
        var description = f.String("description");
        var parts = kind switch
        {
            "regeneration_rate" => Regeneration(f, name, within),
            "edit_distance" => Edit(f, name, within),
            _ => Thumbs(f, name, within),
        };
        var (numerator, denominator, unit, says) = parts;
        foreach (var part in new[] { numerator, denominator })
        {
            if (into.ContainsKey(part.Name))
            {
                f.Error("type", $"metric \"{part.Name}\" is defined twice (the {kind} metric \"{name}\" defines it as its part)");
            }

            into[part.Name] = part;
        }

        into[name] = new MetricDefinition
        {
            Name = name,
            Description = description ?? says,
            Type = MetricType.Ratio,
            Numerator = numerator.Name,
            Denominator = denominator.Name,
            Unit = unit,
        };
    }

    private static (MetricDefinition, MetricDefinition, MetricUnit, string) Regeneration(YamlFields f, string name, TimeSpan? within)
    {
        var regenerate = f.String("event") ?? ProxyEvents.Regenerate;
        var answer = f.String("answer_event") ?? ProxyEvents.Answer;
        return (
            Count(name + "#regenerations", [regenerate], within, [], $"{regenerate} events, the numerator of {name}"),
            Count(name + "#answers", [answer], within, [], $"{answer} events, the denominator of {name}"),
            MetricUnit.Proportion,
            $"Regeneration rate (proxy): {regenerate} events per {answer} event");
    }

    private static (MetricDefinition, MetricDefinition, MetricUnit, string) Edit(YamlFields f, string name, TimeSpan? within)
    {
        var edited = f.String("event") ?? ProxyEvents.AnswerEdited;
        var value = OneOf(f, "value", [ProxyEvents.EditDistance, ProxyEvents.EditRatio]);
        var sum = new MetricDefinition
        {
            Name = name + "#distance",
            Description = $"Σ {value} of {edited} events, the numerator of {name}",
            Type = MetricType.Sum,
            Events = [edited],
            Value = value,
            Within = within,
            Unit = MetricUnit.Number,
        };
        return (
            sum,
            Count(name + "#answers", [edited], within, [], $"{edited} events, the denominator of {name}"),
            MetricUnit.Number,
            $"Edit distance (proxy): mean {value} between the model's answer and the user's final text, per {edited} event");
    }

    private static (MetricDefinition, MetricDefinition, MetricUnit, string) Thumbs(YamlFields f, string name, TimeSpan? within)
    {
        var feedback = f.String("event") ?? ProxyEvents.Feedback;
        var rating = OneOf(f, "rating", ["up", "down"]);
        return (
            Count(name + "#" + rating, [feedback], within, [new PropertyFilter(ProxyEvents.Rating, ConditionOperator.Equals, [rating])], $"{feedback} events rated {rating}, the numerator of {name}"),
            Count(name + "#rated", [feedback], within, [new PropertyFilter(ProxyEvents.Rating, ConditionOperator.In, ["down", "up"])], $"{feedback} events rated up or down, the denominator of {name}"),
            MetricUnit.Proportion,
            $"Thumbs (proxy): share of rated answers rated {rating}");
    }

    /// <summary>The field's text when it is one of <paramref name="choices"/>; the first choice (the default) when absent or wrong (reported).</summary>
    private static string OneOf(YamlFields f, string key, string[] choices)
    {
        var text = f.String(key);
        if (text is not null && !choices.Contains(text))
        {
            f.Error(key, $"expected one of {string.Join(", ", choices)}, got \"{text}\"");
        }

        return text is not null && choices.Contains(text) ? text : choices[0];
    }

    private static MetricDefinition Count(string name, IReadOnlyList<string> events, TimeSpan? within, IReadOnlyList<PropertyFilter> where, string description) => new()
    {
        Name = name,
        Description = description,
        Type = MetricType.Count,
        Events = events,
        Within = within,
        Where = where,
        Unit = MetricUnit.Count,
    };
}
