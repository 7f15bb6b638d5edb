using System.Text;

namespace Verdict.Reports.Html;

/// <summary>The shell every self-contained page of the reports shares: doctype, title, the report's inline style sheet, <c>main</c>.</summary>
internal static class HtmlPage
{
    /// <summary>Opens a page titled <paramref name="title"/>, with <paramref name="extraCss"/> after the report's style sheet.</summary>
    public static void Open(StringBuilder html, string title, string extraCss = "")
    {
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Append("<title>").Append(Html.E(title)).Append("</title><style>").Append(ReportStyle.Css).Append(extraCss).Append("</style></head><body><main>");
    }

    /// <summary>Closes a page opened by <see cref="Open"/>.</summary>
    public static void Close(StringBuilder html) => html.Append("</main></body></html>\n");
}
