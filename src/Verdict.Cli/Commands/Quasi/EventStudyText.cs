using System.Globalization;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Did;
using Verdict.Statistics.Inference;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>The event study as a text table with a small interval plot per row, and the notes under it.</summary>
internal static class EventStudyText
{
    /// <summary>One row per relative period k (with its calendar period when <paramref name="period"/> is given).</summary>
    public static void Write(CliContext context, IReadOnlyList<EventStudyCoefficient> events, string level, Func<int, string>? period)
    {
        var table = period is null
            ? new Table().AddColumns("e", "effect", $"{level} interval", string.Empty)
            : new Table().AddColumns("k", "period", "effect", $"{level} interval", string.Empty);
        var scale = events.Where(e => e.Effect.IsAvailable).Select(e => Math.Max(Math.Abs(e.Effect.CiLow), Math.Abs(e.Effect.CiHigh))).DefaultIfEmpty(1).Max();
        foreach (var e in events)
        {
            var cells = new List<string> { e.RelativePeriod.ToString(CultureInfo.InvariantCulture) };
            if (period is not null)
            {
                cells.Add(period(e.RelativePeriod));
            }

            cells.Add(e.IsReference ? "0 (reference)" : MetricFormat.Number(e.Effect.Value));
            cells.Add(e.IsReference ? string.Empty : $"[{MetricFormat.Number(e.Effect.CiLow)}, {MetricFormat.Number(e.Effect.CiHigh)}]");
            cells.Add(Bar(e.Effect, scale));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        context.Console.Write(table);
    }

    /// <summary>"leads are flat" or "LEADS ARE NOT FLAT".</summary>
    public static string Verdict(PreTrendTest pre) => pre.Flat ? "leads are flat" : "LEADS ARE NOT FLAT";

    /// <summary>One line per diagnostic.</summary>
    public static void Notes(CliContext context, IReadOnlyList<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
        }
    }

    /// <summary>A text event-study plot: the interval as dashes and the estimate as a dot, around a bar at 0.</summary>
    private static string Bar(Estimate effect, double scale)
    {
        const int half = 15;
        if (!effect.IsAvailable || scale <= 0)
        {
            return string.Empty;
        }

        var chars = Enumerable.Repeat(' ', (2 * half) + 1).ToArray();
        int At(double v) => half + (int)Math.Round(Math.Clamp(v / scale, -1, 1) * half);
        for (var i = At(effect.CiLow); i <= At(effect.CiHigh); i++)
        {
            chars[i] = '-';
        }

        chars[half] = '|';
        chars[At(effect.Value)] = '●';
        return new string(chars).TrimEnd();
    }

}
