using System.CommandLine;
using Verdict.Statistics.Comparisons;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats proportions --control 760/2000 --treatment 840/2000</c>.</summary>
internal static class ProportionsCommand
{
    public static Command Create(CliContext context)
    {
        var control = new Option<string>("--control") { Description = "Control successes/units, e.g. 760/2000", Required = true };
        var treatment = new Option<string>("--treatment") { Description = "Treatment successes/units, e.g. 840/2000", Required = true };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("proportions", "Absolute and relative lift of two proportions (unpooled Wald).\n\nExample:\n  verdict stats proportions --control 760/2000 --treatment 840/2000")
        {
            control, treatment, alpha, json,
        };
        command.SetAction(parse =>
        {
            var (cs, cn) = ArgParsing.Fraction(parse.GetValue(control)!, "--control");
            var (ts, tn) = ArgParsing.Fraction(parse.GetValue(treatment)!, "--treatment");
            var lift = TwoProportions.Compare(cs, cn, ts, tn, parse.GetValue(alpha));
            LiftOutput.Write(context, lift, parse.GetValue(json), percentagePoints: true);
            return ExitCodes.Success;
        });
        return command;
    }
}
