using Microsoft.AspNetCore.Http;

namespace Verdict.Server;

/// <summary>The one place that shapes refusals as RFC 9457 problem details (<c>application/problem+json</c>).</summary>
public static class Problems
{
    /// <summary>A problem with a status, a title, the detail, and optional extension members (line, field, errors).</summary>
    public static IResult Create(int status, string title, string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);
}
