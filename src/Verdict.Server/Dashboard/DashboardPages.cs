using Microsoft.AspNetCore.Http;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Dashboard;

/// <summary>Gathers what the list and the experiment page show from the registry, the audit log, the analysis cache and the optional monitor.</summary>
internal sealed class DashboardPages(Registry registry, VerdictCache verdicts, TimeProvider time, IGuardrailStatusSource? monitor, Ladder.LadderRunner? ladder = null)
{
    /// <summary>The list page's body: one row per experiment key.</summary>
    public async Task<string> ListAsync(CancellationToken cancellationToken)
    {
        var rows = new List<ListPage.Row>();
        foreach (var key in registry.Records.Select(r => r.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var record = Current(key)!;
            var entries = AuditFacts.OfVersion(registry.Audit(key), record.Version);
            var verdict = await verdicts.GetAsync(record, cancellationToken).ConfigureAwait(false);
            var brief = registry.Brief(record.Key, record.Version)!;
            rows.Add(new ListPage.Row(record, brief.Stages is null ? DashboardHtml.Stage(brief.Traffic.Stage) : record.Stage ?? brief.Stages[0].Name, AuditFacts.DaysRunning(entries, time.GetUtcNow()), verdict, AuditFacts.OpenAlerts(entries).Count));
        }

        return ListPage.Body(rows);
    }

    /// <summary>The experiment page (404 for an unknown key), with an optional error from a refused change.</summary>
    public async Task<IResult> ExperimentAsync(HttpContext http, DashboardSession session, string key, string? error, int status)
    {
        var record = Current(key);
        if (record is null)
        {
            return DashboardHtml.Page(http, "Unknown experiment", session, $"<p class=\"error\" id=\"error\">No experiment \"{DashboardHtml.E(key)}\" has been created.</p><p><a href=\"/\">Back to the experiments</a></p>", 404);
        }

        var audit = registry.Audit(key);
        var verdict = await verdicts.GetAsync(record, http.RequestAborted).ConfigureAwait(false);
        var guardrails = monitor is null ? null : await monitor.StatusAsync(record.Key, record.Version, http.RequestAborted).ConfigureAwait(false);
        var entries = AuditFacts.OfVersion(audit, record.Version);
        var stages = ladder is null ? null : await ladder.ViewAsync(record.Key, http.RequestAborted).ConfigureAwait(false);
        var model = new ExperimentPage.Model(record, registry.Brief(record.Key, record.Version)!, verdict, audit,
            AuditFacts.DaysRunning(entries, time.GetUtcNow()), AuditFacts.OpenAlerts(entries).Count, monitor is not null, guardrails, session, error, stages);
        return DashboardHtml.Page(http, $"{record.Key} v{record.Version}", session, ExperimentPage.Body(model), status);
    }

    /// <summary>The version a key's page shows: the live one (running or paused), else the newest — as <c>GET …/results</c> picks.</summary>
    private ExperimentRecord? Current(string key)
    {
        var versions = registry.Records.Where(r => r.Key == key).ToList();
        return versions.LastOrDefault(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused) ?? versions.LastOrDefault();
    }
}
