using ScottPlot;

namespace Verdict.Reports.Charts;

/// <summary>
/// One chart of the report: a stable id (the HTML figure's id and the PNG's file name), a title, the names of the series
/// it draws (for readers and for the browser test), a caption, and the ScottPlot plot that renders it.
/// </summary>
public sealed record ReportChart(string Id, string Title, IReadOnlyList<string> Series, string Caption, Plot Plot, int Width = 940, int Height = 360)
{
    /// <summary>
    /// The chart as an inline SVG element: no XML declaration, no external references, and its clip-path ids prefixed
    /// with <see cref="Id"/> (every ScottPlot SVG numbers them from 1, and ids are shared by the whole HTML document).
    /// </summary>
    public string Svg()
    {
        var svg = Plot.GetSvgXml(Width, Height);
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        return svg
            .Replace("id=\"cl_", $"id=\"{Id}-cl_", StringComparison.Ordinal)
            .Replace("url(#cl_", $"url(#{Id}-cl_", StringComparison.Ordinal)
            .Replace("<svg ", $"<svg class=\"plot\" data-chart=\"{Id}\" ", StringComparison.Ordinal);
    }

    /// <summary>Writes the chart as <c>DIR/{Id}.png</c> and returns the path.</summary>
    public string SavePng(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var path = System.IO.Path.Combine(directory, Id + ".png");
        Plot.SavePng(path, Width, Height);
        return path;
    }
}
