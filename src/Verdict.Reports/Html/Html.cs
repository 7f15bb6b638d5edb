using System.Net;

namespace Verdict.Reports.Html;

/// <summary>HTML text helpers: every value from a brief or a store goes through <see cref="E"/>.</summary>
internal static class Html
{
    /// <summary>HTML-encodes <paramref name="text"/>.</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A lower-case CSS class from a status or decision (ROLL BACK → roll-back).</summary>
    public static string Css(string text) => text.ToLowerInvariant().Replace(' ', '-');
}
