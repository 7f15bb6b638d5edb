using Microsoft.AspNetCore.Http;

namespace Verdict.Server.Dashboard;

/// <summary>The dashboard's cookie flags: HttpOnly, SameSite=Strict, path /, and Secure whenever the request came over HTTPS.</summary>
public static class DashboardCookies
{
    /// <summary>The options for a dashboard cookie; <paramref name="expires"/> null makes a browser-session cookie.</summary>
    public static CookieOptions Options(HttpContext http, DateTimeOffset? expires)
    {
        ArgumentNullException.ThrowIfNull(http);
        return new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = expires,
            IsEssential = true,
        };
    }
}
