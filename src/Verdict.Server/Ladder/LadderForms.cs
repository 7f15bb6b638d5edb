using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Verdict.Server.ControlPlane;
using Verdict.Server.Dashboard;

namespace Verdict.Server.Ladder;

/// <summary>
/// The dashboard's ladder buttons: <c>POST /experiments/{key}/advance</c> (to a stage, reason required) and
/// <c>POST /experiments/{key}/rollback</c> (stop, audited as <c>rollback</c>, reason required), for admin sessions with
/// the session's CSRF token — the same checks as the lifecycle buttons.
/// </summary>
internal static class LadderForms
{
    public static void Map(WebApplication app, Registry registry, LadderRunner ladder, Func<HttpContext, Task<(DashboardSession? Session, IFormCollection Form, IResult? Refusal)>> admit, Func<HttpContext, DashboardSession, string, string?, int, Task<IResult>> page)
    {
        app.MapPost("/experiments/{key}/advance", (HttpContext http, string key) => HandleAsync(http, key, admit, page, (session, form, reason, version) =>
            ladder.ForceAsync(key, version, form["to"].ToString() is { Length: > 0 } to ? to : null, session.Actor + " via dashboard", reason, http.RequestAborted)));
        app.MapPost("/experiments/{key}/rollback", (HttpContext http, string key) => HandleAsync(http, key, admit, page, (session, _, reason, version) =>
            Task.FromResult(registry.Change(key, version, ExperimentChange.Stop, null, session.Actor + " via dashboard", reason, "rollback"))));
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        string key,
        Func<HttpContext, Task<(DashboardSession? Session, IFormCollection Form, IResult? Refusal)>> admit,
        Func<HttpContext, DashboardSession, string, string?, int, Task<IResult>> page,
        Func<DashboardSession, IFormCollection, string, int?, Task<ExperimentRecord>> act)
    {
        var (session, form, refusal) = await admit(http).ConfigureAwait(false);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            var reason = form["reason"].ToString();
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new ControlPlaneException(422, "A reason is required", "advancing or rolling back from the dashboard needs a reason, recorded in the audit log");
            }

            var version = int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
            await act(session!, form, reason, version).ConfigureAwait(false);
            DashboardHtml.Secure(http.Response);
            http.Response.Headers.Location = "/experiments/" + Uri.EscapeDataString(key);
            return Results.StatusCode(303);
        }
        catch (ControlPlaneException e)
        {
            return await page(http, session!, key, $"{e.Title}: {e.Message}", e.Status).ConfigureAwait(false);
        }
    }
}
