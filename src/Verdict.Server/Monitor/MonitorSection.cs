using System.Text.Json;
using System.Text.Json.Nodes;
using Verdict.Experiments.Analysis.Monitoring;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Json;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Monitor;

/// <summary>
/// The <c>monitor</c> section the server adds to the results JSON (docs/analysis-json.md, "monitor"): every decision the
/// monitor recorded for the version — looks, breaches, actions, refused actions — and every resume, read from the audit
/// log (the durable record), each with its evidence.
/// </summary>
public static class MonitorSection
{
    /// <summary>The audit actions that are monitor decisions, and the kind each is reported as.</summary>
    private static readonly Dictionary<string, string> Kinds = new(StringComparer.Ordinal)
    {
        [LookRunner.Action] = "look",
        ["monitor_breach"] = "breach",
        ["monitor_alert"] = "action",
        ["monitor_review_spend"] = "action",
        ["pause"] = "action",
        ["rollback"] = "action",
        ["monitor_action_refused"] = "action_refused",
        ["resume"] = "resume",
    };

    /// <summary>The section for one experiment version.</summary>
    public static JsonObject From(Registry registry, ExperimentRecord record, ExperimentBrief brief)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(brief);
        var decisions = new JsonArray();
        var audit = registry.Audit(record.Key).Where(a => a.Version == record.Version).ToList();
        foreach (var line in audit)
        {
            // A pause is the monitor's decision only when the monitor made it; a resume is a person's, and always listed.
            if (!Kinds.TryGetValue(line.Action, out var kind) || (line.Action == "pause" && line.Actor != MonitorRunner.Actor))
            {
                continue;
            }

            decisions.Add(new JsonObject
            {
                ["sequence"] = line.Sequence,
                ["at"] = line.At,
                ["kind"] = kind,
                ["action"] = line.Action,
                ["actor"] = line.Actor,
                ["reason"] = line.Reason,
                ["evidence"] = line.After is null ? null : JsonNode.Parse(line.After),
            });
        }

        var sequential = LookSchedule.Runs(brief);
        return new JsonObject
        {
            ["monitored"] = MonitorLedger.Monitors(brief),
            ["sequential"] = sequential,
            ["looks_registered"] = sequential ? new JsonArray([.. brief.Analysis.Looks.Order().Select(l => JsonValue.Create(l))]) : new JsonArray(),
            ["looks_reached"] = sequential ? LookSchedule.HistoryIn(audit.Where(a => a.Action == LookRunner.Action).Select(a => a.After)).Reached : 0,
            ["decisions"] = decisions,
        };
    }

    /// <summary>The analysis document as JSON with <paramref name="section"/> added as <c>monitor</c> (additive: every other field is unchanged).</summary>
    public static JsonObject AddTo(object document, JsonObject section)
    {
        var node = JsonSerializer.SerializeToNode(document, VerdictJson.Options)!.AsObject();
        node["monitor"] = section;
        return node;
    }
}
