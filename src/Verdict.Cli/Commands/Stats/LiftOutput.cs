using System.Globalization;
using Spectre.Console;
using Verdict.Statistics;

namespace Verdict.Cli.Commands.Stats;

/// <summary>Prints a <see cref="Lift"/> as a table or as the JSON contract.</summary>
internal static class LiftOutput
{
    public static void Write(CliContext context, Lift lift, bool json, bool percentagePoints, bool withDf = false)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, LiftJson.From(lift, withDf));
            return;
        }

        var table = new Table().AddColumns("lift", "estimate", "std. error", "interval", "p-value");
        if (withDf)
        {
            table.AddColumn("df");
        }

        Row(table, "absolute", lift.Absolute, percentagePoints ? Format.PercentagePoints : Format.Number, withDf);
        Row(table, "relative", lift.Relative, Format.Percent, withDf);
        context.Console.Write(table);
        context.Console.WriteLine($"control {Format.Number(lift.ControlMean)}, treatment {Format.Number(lift.TreatmentMean)}");
        foreach (var diagnostic in lift.Diagnostics)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {diagnostic.Code}: {diagnostic.Message}");
        }
    }

    private static void Row(Table table, string name, Estimate e, Func<double, string> format, bool withDf)
    {
        var cells = new List<string>
        {
            name,
            format(e.Value),
            format(e.StandardError),
            $"[{format(e.CiLow)}, {format(e.CiHigh)}]",
            Format.PValue(e.PValue),
        };
        if (withDf)
        {
            cells.Add(Format.Number(e.DegreesOfFreedom ?? double.PositiveInfinity));
        }

        table.AddRow(cells.Select(Markup.Escape).ToArray());
    }
}

/// <summary>Human number formats.</summary>
internal static class Format
{
    public static string Number(double v) => double.IsNaN(v) ? "n/a" : v.ToString("G6", CultureInfo.InvariantCulture);

    public static string PercentagePoints(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + " pp";

    public static string Percent(double v) => double.IsNaN(v) ? "n/a" : (v * 100).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) + "%";

    public static string PValue(double p) => Verdict.Experiments.Analysis.MetricFormat.PValue(p);
}
