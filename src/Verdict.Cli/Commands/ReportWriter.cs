using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Reports.Html;

namespace Verdict.Cli.Commands;

/// <summary>Writes the HTML report (and optionally its charts as PNG) for an analysed brief.</summary>
internal static class ReportWriter
{
    /// <summary>The files written.</summary>
    public sealed record Written(string Html, IReadOnlyList<string> Pngs, BriefLock? Lock);

    public static Written Write(ExperimentBrief brief, string briefPath, AnalysisReport report, string outPath, string? pngDirectory, DateTimeOffset generatedAt)
    {
        var full = CheckTargets(outPath, pngDirectory);
        var existing = BriefLockFile.Read(BriefLockFile.PathFor(briefPath));
        var content = new ReportContent(brief, report, report.Plan.Sizing, existing, generatedAt);
        var charts = ReportCharts.Build(content);
        var html = HtmlReport.Render(content, charts);

        // Charts first, the HTML last and atomically: a failure leaves no report that looks complete.
        var pngs = pngDirectory is null ? [] : charts.SavePngs(pngDirectory);
        WriteAtomically(full, html);
        return new Written(full, pngs, existing);
    }

    /// <summary>Writes <paramref name="text"/> to a temporary file beside <paramref name="full"/> and moves it into place.</summary>
    internal static void WriteAtomically(string full, string text)
    {
        var temporary = full + ".tmp";
        try
        {
            File.WriteAllText(temporary, text);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Refuses, before anything is drawn or written, an <c>--out</c> or <c>--png</c> that cannot be used.</summary>
    internal static string CheckTargets(string outPath, string? pngDirectory)
    {
        var full = Path.GetFullPath(outPath);
        if (Directory.Exists(full))
        {
            throw new CliException($"--out: {full} is a directory; give the HTML file to write");
        }

        if (Path.GetDirectoryName(full) is { } directory && !Directory.Exists(directory))
        {
            throw new CliException($"--out: the directory {directory} does not exist");
        }

        if (pngDirectory is not null && File.Exists(pngDirectory))
        {
            throw new CliException($"--png: {Path.GetFullPath(pngDirectory)} is a file; give a directory for the charts");
        }

        return full;
    }
}
