using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Verdict.Experiments.Analysis.Ladder;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Json;
using Verdict.Reports.Text;

namespace Verdict.Reports.Monitoring;

/// <summary>
/// <see cref="VerdictJson.Options"/> with the monitor's words added: a window's and a decision's <c>reason</c>, a look's
/// <c>reasons</c> and <c>summary</c>, a gate's <c>conditions</c> and <c>reason</c> (docs/monitor.md), written last as they
/// always were, from <see cref="MonitorText"/> and <see cref="LookText"/>.
/// The monitor returns data; every JSON that carries a window, a decision or a gate status is written with these options.
/// </summary>
public static class MonitorJson
{
    /// <summary>The serializer options.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(VerdictJson.Options)
        {
            TypeInfoResolver = (VerdictJson.Options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(AddWords),
        };
        options.MakeReadOnly();
        return options;
    }

    private static void AddWords(JsonTypeInfo info)
    {
        if (info.Type == typeof(WindowEvaluation))
        {
            Add<WindowEvaluation, string>(info, "reason", MonitorText.Reason);
        }
        else if (info.Type == typeof(MonitorDecision))
        {
            Add<MonitorDecision, string>(info, "reason", MonitorText.Reason);
        }
        else if (info.Type == typeof(LookRecord))
        {
            Add<LookRecord, IReadOnlyList<string>>(info, "reasons", LookText.Reasons);
            Add<LookRecord, string>(info, "summary", LookText.Summary);
        }
        else if (info.Type == typeof(GateStatus))
        {
            Add<GateStatus, IReadOnlyList<string>>(info, "conditions", MonitorText.Conditions);
            Add<GateStatus, string>(info, "reason", MonitorText.Reason);
        }
    }

    private static void Add<T, TValue>(JsonTypeInfo info, string name, Func<T, TValue> get)
    {
        var property = info.CreateJsonPropertyInfo(typeof(TValue), name);
        property.Get = value => get((T)value);
        info.Properties.Add(property);
    }
}
