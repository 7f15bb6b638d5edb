using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using Verdict.Reports.Html;

namespace Verdict.Server.Dashboard;

/// <summary>
/// The dashboard's page shell: the report's style sheet plus a few rules of its own, a header with the user and a
/// logout form, and strict headers (a Content-Security-Policy that allows nothing from elsewhere, no caching).
/// </summary>
internal static class DashboardHtml
{
    private const string ExtraCss = """
.bar{display:flex;justify-content:space-between;align-items:center;gap:12px;margin-bottom:12px}
.bar a{color:#1d1f23;text-decoration:none;font-weight:700}
.who{color:#555;font-size:14px}.who form{display:inline}
button{font:inherit;padding:4px 12px;border-radius:5px;border:1px solid #888;background:#fff;cursor:pointer}
button.danger{border-color:#c62828;color:#c62828}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:13px;font-weight:600;background:#e0e3e8}
.badge.running{background:#d9f2e0;color:#125c29}.badge.paused{background:#fff0cc;color:#7a4a00}.badge.stopped{background:#eee;color:#555}
.actions form{display:inline-flex;gap:6px;align-items:center;margin:0 14px 8px 0}
.actions input{font:inherit;padding:3px 6px}
.error{background:#fdecec;border:1px solid #e3a3a3;padding:8px 12px;border-radius:6px}
.alerts{color:#c62828;font-weight:700}
.login{max-width:420px;margin:60px auto;background:#fff;border:1px solid #dde0e5;border-radius:8px;padding:20px}
.login input{width:100%;box-sizing:border-box;font:inherit;padding:6px;margin:6px 0 12px}
#audit code{word-break:break-all;font-size:12px}
.placeholder{border:2px dashed #b0b6c0;border-radius:6px;padding:10px 14px;background:#fafbfc}
""";

    /// <summary>HTML-encodes <paramref name="text"/>.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A number for a page, invariant culture.</summary>
    public static string N(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>The brief's registered rollout stage as people write it: shadow, canary or A/B.</summary>
    public static string Stage(Verdict.Experiments.Briefs.RolloutStage stage) => stage switch
    {
        Verdict.Experiments.Briefs.RolloutStage.Shadow => "shadow",
        Verdict.Experiments.Briefs.RolloutStage.Canary => "canary",
        _ => "A/B",
    };

    /// <summary>A hidden field carrying the session's CSRF token.</summary>
    public static string Csrf(DashboardSession session) => $"<input type=\"hidden\" name=\"{DashboardEndpoints.CsrfField}\" value=\"{E(session.CsrfToken)}\">";

    /// <summary>A whole page as an HTML result with the dashboard's headers.</summary>
    public static IResult Page(HttpContext http, string title, DashboardSession? session, string body, int status = 200)
    {
        var html = new StringBuilder(body.Length + 8192);
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>")
            .Append(E(title)).Append(" · Verdict</title><style>").Append(ReportFragments.Css).Append(ExtraCss).Append("</style></head><body><main>");
        if (session is not null)
        {
            html.Append("<div class=\"bar\"><a href=\"/\">Verdict · experiments</a><span class=\"who\" id=\"who\" data-role=\"").Append(session.IsAdmin ? "admin" : "read").Append("\">")
                .Append(E(session.Name)).Append(session.IsAdmin ? " (admin)" : " (read-only)")
                .Append(" <form method=\"post\" action=\"/logout\">").Append(Csrf(session)).Append("<button type=\"submit\" id=\"logout\">Log out</button></form></span></div>");
        }

        html.Append(body).Append("</main></body></html>\n");
        Secure(http.Response);
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The headers every dashboard answer carries.</summary>
    public static void Secure(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "no-store";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
