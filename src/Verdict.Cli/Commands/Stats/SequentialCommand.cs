using System.CommandLine;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Sequential;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats sequential --looks 0.25,0.5,0.75,1 --spending obf --alpha 0.05 --sides 2</c>.</summary>
internal static class SequentialCommand
{
    public static Command Create(CliContext context)
    {
        var plan = new SequentialOptions();
        var fixedN = new Option<double?>("--fixed-n") { Description = "Fixed-horizon sample size; adds the maximum and expected sample sizes of the plan" };
        var json = StatsOptions.Json();
        var command = new Command(
            "sequential",
            "Group-sequential efficacy boundaries (Lan–DeMets spending or classic O'Brien–Fleming/Pocock) per look.\n\n"
            + "Examples:\n  verdict stats sequential --looks 0.25,0.5,0.75,1 --spending obf --alpha 0.05 --sides 2\n"
            + "  verdict stats sequential --looks 0.3,0.7,1 --spending hsd:-4 --alpha 0.025 --sides 1 --futility obf --fixed-n 1000");
        foreach (var option in plan.All)
        {
            command.Options.Add(option);
        }

        command.Options.Add(fixedN);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            var design = GroupSequentialDesign.Create(plan.Read(parse));
            var n = parse.GetValue(fixedN);
            if (n is { } value && !(value > 0 && double.IsFinite(value)))
            {
                throw new CliException($"--fixed-n must be a positive number, got {value}");
            }

            var characteristics = n is null ? null : design.Characteristics();
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, SequentialJson.From(design, characteristics, n));
                return ExitCodes.Success;
            }

            Print(context, design, characteristics, n);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, GroupSequentialDesign design, DesignCharacteristics? characteristics, double? fixedN)
    {
        var two = design.Options.Sides == 2;
        var table = new Table().AddColumns("look", "information", two ? "efficacy ±z" : "efficacy z", "nominal p", "cumulative α");
        if (design.FutilityBoundaries is not null)
        {
            table.AddColumn("futility z");
        }

        for (var i = 0; i < design.Looks; i++)
        {
            var cells = new List<string>
            {
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                MetricFormat.Number(design.InformationFractions[i]),
                MetricFormat.Number(design.EfficacyBoundaries[i]),
                MetricFormat.PValue(design.NominalLevels[i]),
                MetricFormat.Number(design.CumulativeAlpha[i]),
            };
            if (design.FutilityBoundaries is { } f)
            {
                cells.Add(MetricFormat.Number(f[i]));
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        context.Console.Write(table);
        var method = design.Options.Classic is { } classic ? $"classic {classic} boundary" : design.Options.AlphaSpending.ToString();
        context.Console.WriteLine($"{method}, {(two ? "two-sided" : "one-sided")} alpha {MetricFormat.Number(design.Options.Alpha)}; nominal p is one-sided per look");
        if (characteristics is { } c && fixedN is { } n)
        {
            context.Console.WriteLine(
                $"maximum n {MetricFormat.Number(c.MaximumSampleSize(n))} (inflation {MetricFormat.Number(c.InflationFactor)} over fixed n {MetricFormat.Number(n)}); "
                + $"expected n under H0 {MetricFormat.Number(c.ExpectedSampleSizeH0 * n)}, under H1 {MetricFormat.Number(c.ExpectedSampleSizeH1 * n)} at power {MetricFormat.Number(1 - design.Options.Beta)}");
        }
    }
}
