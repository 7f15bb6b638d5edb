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
        var svg = SvgWithDashes();
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        return svg
            .Replace("id=\"cl_", $"id=\"{Id}-cl_", StringComparison.Ordinal)
            .Replace("url(#cl_", $"url(#{Id}-cl_", StringComparison.Ordinal)
            .Replace("<svg ", $"<svg class=\"plot\" data-chart=\"{Id}\" ", StringComparison.Ordinal);
    }

    /// <summary>
    /// Skia's SVG canvas does not support path effects (it complains on standard error and flattens dashes into filled
    /// shapes), so dashed lines are drawn solid and dashed by SVG's own <c>stroke-dasharray</c>, matched by colour.
    /// </summary>
    private string SvgWithDashes()
    {
        var patterned = Plot.GetPlottables().OfType<IHasLine>().Where(p => p.LinePattern.Name != LinePattern.Solid.Name).ToList();
        var dashes = patterned
            .GroupBy(p => Hex(p.LineColor), StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(p => p.LinePattern.Name).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().LinePattern.Name == LinePattern.Dotted.Name ? "2 4" : "8 5", StringComparer.OrdinalIgnoreCase);
        var saved = patterned.Select(p => (Plottable: p, p.LinePattern)).ToList();
        string svg;
        try
        {
            patterned.ForEach(p => p.LinePattern = LinePattern.Solid);
            svg = Plot.GetSvgXml(Width, Height);
        }
        finally
        {
            saved.ForEach(s => s.Plottable.LinePattern = s.LinePattern);
        }

        foreach (var (hex, dash) in dashes)
        {
            svg = svg.Replace($"stroke=\"{hex}\"", $"stroke=\"{hex}\" stroke-dasharray=\"{dash}\"", StringComparison.OrdinalIgnoreCase);
        }

        return svg;
    }

    private static string Hex(Color color) => $"#{color.R:X2}{color.G:X2}{color.B:X2}";

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
