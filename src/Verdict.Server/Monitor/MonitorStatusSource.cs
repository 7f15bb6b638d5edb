using System.Text.Json;
using System.Text.Json.Nodes;
using Verdict.Reports.Monitoring;
using Verdict.Server.Dashboard;

namespace Verdict.Server.Monitor;

/// <summary>Shows the monitor's read model (the JSON of <c>GET …/monitor</c>) in the dashboard's guardrail section.</summary>
public sealed class MonitorStatusSource(MonitorRunner runner) : IGuardrailStatusSource
{
    /// <inheritdoc />
    public async Task<JsonNode?> StatusAsync(string key, int version, CancellationToken cancellationToken)
    {
        var view = await runner.ViewAsync(key, cancellationToken).ConfigureAwait(false);
        return view is null || view.Version != version || !view.Monitored ? null : JsonSerializer.SerializeToNode(view, MonitorJson.Options);
    }
}
