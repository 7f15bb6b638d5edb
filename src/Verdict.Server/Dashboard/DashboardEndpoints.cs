using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Verdict.Server.ControlPlane;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The web dashboard at <c>/</c> (docs/dashboard.md): login with an admin or read key into a server-side session, the
/// experiment list, one page per experiment, and the lifecycle buttons, every POST guarded by the session's CSRF token.
/// </summary>
public static class DashboardEndpoints
{
    /// <summary>The cookie that carries the session id (never the key).</summary>
    public const string SessionCookie = "verdict_session";

    /// <summary>The cookie that carries the login form's CSRF token before there is a session.</summary>
    public const string LoginCookie = "verdict_login";

    /// <summary>The form field every POST carries its CSRF token in.</summary>
    public const string CsrfField = "csrf";

    /// <summary>How long a session lasts after login.</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    /// <summary>Maps the dashboard's pages and forms onto <paramref name="app"/>.</summary>
    public static void Map(WebApplication app, Registry registry, StoreReader reader, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(app);
        var sessions = new SessionStore(registry, time, SessionLifetime);
        var verdicts = new VerdictCache(reader, registry, time);
        var ladder = app.Services.GetService<Ladder.LadderRunner>();
        var pages = new DashboardPages(registry, verdicts, time, app.Services.GetService<IGuardrailStatusSource>(), ladder);
        var throttle = new LoginThrottle(time);

        // An admin session with its CSRF token, or the refusal (401, 403) of the request: every button's first step.
        async Task<(DashboardSession? Session, IFormCollection Form, IResult? Refusal)> Admit(HttpContext http)
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            var session = sessions.Find(http.Request.Cookies[SessionCookie]);
            IResult? refusal = session is null ? Refuse(http, 401, "Log in first: this form needs a dashboard session.")
                : !SessionStore.CsrfMatches(session, form[CsrfField]) ? Refuse(http, 403, "Refused: the form's CSRF token is missing or wrong (was it sent from another site?). Reload the page and try again.")
                : !session.IsAdmin ? Refuse(http, 403, "Refused: a read-only session may not change experiments.")
                : null;
            return (session, form, refusal);
        }

        app.MapGet("/login", (HttpContext http) => LoginPage(http, null, 200));
        app.MapPost("/login", async (HttpContext http) =>
        {
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (throttle.RetryAfter(address) is { } wait)
            {
                var seconds = (int)Math.Ceiling(wait.TotalSeconds);
                http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return LoginPage(http, $"Too many failed logins from this address; try again in {seconds} s.", 429);
            }

            var form = await FormAsync(http).ConfigureAwait(false);
            if (!LoginTokenMatches(http, form[CsrfField]))
            {
                return LoginPage(http, "The login form expired or was not sent from this page; try again.", 403);
            }

            var result = sessions.Login(form["key"]);
            if (result.Session is not { } session)
            {
                throttle.Failed(address);
                return LoginPage(http, result.Error, result.Status);
            }

            http.Response.Cookies.Delete(LoginCookie, DashboardCookies.Options(http, null));
            http.Response.Cookies.Append(SessionCookie, session.Id, DashboardCookies.Options(http, sessions.Lifetime));
            return Redirect(http, "/");
        });
        app.MapPost("/logout", async (HttpContext http) =>
        {
            var form = await FormAsync(http).ConfigureAwait(false);
            if (sessions.Find(http.Request.Cookies[SessionCookie]) is { } session && SessionStore.CsrfMatches(session, form[CsrfField]))
            {
                sessions.Logout(session.Id);
            }

            http.Response.Cookies.Delete(SessionCookie, DashboardCookies.Options(http, null));
            return Redirect(http, "/login");
        });

        app.MapGet("/", async (HttpContext http) =>
            sessions.Find(http.Request.Cookies[SessionCookie]) is { } session
                ? DashboardHtml.Page(http, "Experiments", session, await pages.ListAsync(http.RequestAborted).ConfigureAwait(false))
                : Redirect(http, "/login"));
        app.MapGet("/experiments/{key}", async (HttpContext http, string key) =>
            sessions.Find(http.Request.Cookies[SessionCookie]) is { } session
                ? await pages.ExperimentAsync(http, session, key, null, 200).ConfigureAwait(false)
                : Redirect(http, "/login"));
        app.MapPost("/experiments/{key}/{action}", async (HttpContext http, string key, string action) =>
        {
            var (admitted, form, refusal) = await Admit(http).ConfigureAwait(false);
            if (refusal is not null)
            {
                return refusal;
            }

            var session = admitted!;

            if (!Enum.TryParse<ExperimentChange>(action, ignoreCase: true, out var change) || !action.All(char.IsAsciiLetterLower))
            {
                return Refuse(http, 404, $"\"{action}\" is not a change; use start, ramp, pause, resume or stop.");
            }

            try
            {
                var version = int.TryParse(form["version"], NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (int?)null;
                double? exposure = double.TryParse(form["exposure"], NumberStyles.Float, CultureInfo.InvariantCulture, out var x) ? x : null;
                if (change == ExperimentChange.Ramp && exposure is null)
                {
                    throw new ControlPlaneException(422, "Invalid exposure", $"ramp needs an exposure between 0 and 1; got \"{form["exposure"]}\"");
                }

                var reason = form["reason"].ToString();
                registry.Change(key, version, change, exposure, session.Actor + " via dashboard", reason.Length > 0 ? reason : null);
                return Redirect(http, "/experiments/" + Uri.EscapeDataString(key));
            }
            catch (ControlPlaneException e)
            {
                return await pages.ExperimentAsync(http, session, key, $"{e.Title}: {e.Message}", e.Status).ConfigureAwait(false);
            }
        });
        if (ladder is not null)
        {
            Ladder.LadderForms.Map(app, registry, ladder, Admit, pages.ExperimentAsync);
        }
    }

    private static IResult LoginPage(HttpContext http, string? error, int status)
    {
        var token = SessionStore.Token();
        http.Response.Cookies.Append(LoginCookie, token, DashboardCookies.Options(http, null));
        var body = "<div class=\"login\"><h1>Verdict</h1><p class=\"muted\">Log in with an admin or read-only API key. The key is sent once, in this form's body; the browser keeps only a session id.</p>"
            + (error is null ? string.Empty : $"<p class=\"error\" id=\"error\">{DashboardHtml.E(error)}</p>")
            + $"<form method=\"post\" action=\"/login\"><input type=\"hidden\" name=\"{CsrfField}\" value=\"{token}\"><label>API key<input type=\"password\" name=\"key\" id=\"key\" autocomplete=\"off\" required></label>"
            + "<button type=\"submit\" id=\"login\">Log in</button></form></div>";
        return DashboardHtml.Page(http, "Log in", null, body, status);
    }

    /// <summary>The posted form; any other body (JSON, text) reads as an empty form, so it carries no token and is refused.</summary>
    private static async Task<IFormCollection> FormAsync(HttpContext http) =>
        http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false) : FormCollection.Empty;

    private static bool LoginTokenMatches(HttpContext http, string? presented) =>
        http.Request.Cookies[LoginCookie] is { Length: > 0 } expected && presented is not null
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(System.Text.Encoding.UTF8.GetBytes(expected), System.Text.Encoding.UTF8.GetBytes(presented));

    private static IResult Refuse(HttpContext http, int status, string message) =>
        DashboardHtml.Page(http, "Refused", null, $"<p class=\"error\" id=\"error\">{DashboardHtml.E(message)}</p><p><a href=\"/\">Back to the experiments</a></p>", status);

    private static IResult Redirect(HttpContext http, string location)
    {
        DashboardHtml.Secure(http.Response);
        http.Response.Headers.Location = location;
        return Results.StatusCode(303);
    }
}
