using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Inference;

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

        Row(table, "absolute", lift.Absolute, percentagePoints ? MetricFormat.PercentagePoints : MetricFormat.Number, withDf);
        Row(table, "relative", lift.Relative, MetricFormat.Percent, withDf);
        context.Console.Write(table);
        context.Console.WriteLine($"control {MetricFormat.Number(lift.ControlMean)}, treatment {MetricFormat.Number(lift.TreatmentMean)}");
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
            MetricFormat.PValue(e.PValue),
        };
        if (withDf)
        {
            cells.Add(MetricFormat.Number(e.DegreesOfFreedom ?? double.PositiveInfinity));
        }

        table.AddRow(cells.Select(Markup.Escape).ToArray());
    }
}
