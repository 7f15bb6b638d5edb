using Microsoft.AspNetCore.Http;

namespace Verdict.Server.Dashboard;

/// <summary>The dashboard's cookie flags: HttpOnly, SameSite=Strict, path /, and Secure whenever the request came over HTTPS.</summary>
public static class DashboardCookies
{
    /// <summary>
    /// The options for a dashboard cookie; <paramref name="maxAge"/> null makes a browser-session cookie. A relative
    /// Max-Age, not an Expires date, so the browser's clock need not agree with the server's; the server checks expiry itself.
    /// </summary>
    public static CookieOptions Options(HttpContext http, TimeSpan? maxAge)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            MaxAge = maxAge,
            IsEssential = true,
        };
    }
}
