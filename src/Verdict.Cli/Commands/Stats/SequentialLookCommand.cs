using System.CommandLine;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Sequential;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats sequential-look --at 0.25,0.5 --z 2.4</c>: one look against a registered plan.</summary>
internal static class SequentialLookCommand
{
    public static Command Create(CliContext context)
    {
        var plan = new SequentialOptions();
        var at = new Option<string>("--at") { Description = "Realized information fraction of every look so far, this one last, e.g. 0.25,0.52", Required = true };
        var z = new Option<double?>("--z") { Description = "The look's z-statistic (instead of --control/--treatment)" };
        var control = new Option<string?>("--control") { Description = "Control data so far: SUCCESSES/UNITS or N,MEAN,SD" };
        var treatment = new Option<string?>("--treatment") { Description = "Treatment data so far: SUCCESSES/UNITS or N,MEAN,SD" };
        var final = new Option<bool>("--final") { Description = "Declare this look the last one: spend all remaining alpha" };
        var json = StatsOptions.Json();
        var command = new Command(
            "sequential-look",
            "Evaluates one look of a registered group-sequential plan: CONTINUE, STOP_EFFICACY or STOP_FUTILITY.\n"
            + "A look the plan did not register is spent for by the spending function (and says so), or refused for a classic plan.\n\n"
            + "Examples:\n  verdict stats sequential-look --looks 0.25,0.5,0.75,1 --at 0.25,0.5 --z 2.9\n"
            + "  verdict stats sequential-look --looks 0.25,0.5,0.75,1 --at 0.26,0.55 --control 410/1100 --treatment 470/1100");
        foreach (var option in plan.All)
        {
            command.Options.Add(option);
        }

        foreach (var option in new Option[] { at, z, control, treatment, final, json })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var design = GroupSequentialDesign.Create(plan.Read(parse));
            var fractions = ArgParsing.Numbers(parse.GetValue(at)!, "--at");
            var isFinal = parse.GetValue(final);
            var (c, t, given) = (parse.GetValue(control), parse.GetValue(treatment), parse.GetValue(z));
            if ((given is null) == (c is null || t is null) || (given is not null && (c is not null || t is not null)))
            {
                throw new CliException("give either --z, or both --control and --treatment");
            }

            LookEvaluation look;
            if (given is { } statistic)
            {
                look = design.Evaluate(fractions, statistic, isFinal);
            }
            else
            {
                var (lift, _) = TwoArmInput.Read(c!, t!, design.Options.Alpha);
                if (!lift.Absolute.IsAvailable || !(lift.Absolute.StandardError > 0))
                {
                    throw new CliException("the data give no standard error yet (an empty arm or zero variance); no z-statistic to evaluate");
                }

                look = design.Evaluate(fractions, lift.Absolute, isFinal);
            }

            double? adjusted = look.Action == LookAction.StopEfficacy || look.IsFinal
                ? design.StageWiseAdjustedPValue(fractions, look.Z, isFinal)
                : null;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, SequentialLookJson.From(look, adjusted));
                return ExitCodes.Success;
            }

            Print(context, look, adjusted, design.Options.Sides);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliContext context, LookEvaluation look, double? adjusted, int sides)
    {
        var colour = look.Action switch { LookAction.StopEfficacy => "green", LookAction.StopFutility => "yellow", _ => "blue" };
        context.Console.MarkupLineInterpolated($"[{colour}]{SequentialLookJson.DecisionName(look.Action)}[/] at look {look.Look} (information {MetricFormat.Number(look.InformationFraction)})");
        var table = new Table().AddColumns("z", sides == 2 ? "efficacy ±z" : "efficacy z", "futility z", "nominal p", "cumulative α");
        table.AddRow(
            MetricFormat.Number(look.Z),
            MetricFormat.Number(look.EfficacyBoundary),
            look.FutilityBoundary is { } f ? MetricFormat.Number(f) : "-",
            MetricFormat.PValue(look.NominalP),
            MetricFormat.Number(look.CumulativeAlpha));
        context.Console.Write(table);
        if (double.IsFinite(look.RepeatedCiLow))
        {
            context.Console.WriteLine($"repeated confidence interval [{MetricFormat.Number(look.RepeatedCiLow)}, {MetricFormat.Number(look.RepeatedCiHigh)}]");
        }

        if (adjusted is { } p)
        {
            context.Console.WriteLine($"stage-wise adjusted p-value {MetricFormat.PValue(p)}");
        }

        if (look.Note is { } note)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {note}");
        }
    }
}
