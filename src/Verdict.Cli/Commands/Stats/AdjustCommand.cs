using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.MultipleTesting;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats adjust</c>: multiple-testing corrections.</summary>
internal static class AdjustCommand
{
    public static Command Create(CliContext context)
    {
        var p = new Option<string>("--p") { Description = "Raw p-values, e.g. 0.001,0.02,0.12,0.42", Required = true };
        var method = new Option<string>("--method") { Description = "bonferroni, holm or bh", DefaultValueFactory = _ => "bh" };
        var json = StatsOptions.Json();
        var command = new Command("adjust", "Adjusted p-values (Bonferroni, Holm, Benjamini–Hochberg), in input order.\n\nExample:\n  verdict stats adjust --p 0.001,0.02,0.12,0.42 --method bh")
        {
            p, method, json,
        };
        command.SetAction(parse =>
        {
            var raw = ArgParsing.Numbers(parse.GetValue(p)!, "--p");
            if (raw.Any(v => v is < 0 or > 1))
            {
                throw new CliException($"--p: every p-value must lie in [0, 1], got \"{parse.GetValue(p)}\"");
            }

            PValueAdjustmentMethod m;
            try
            {
                m = PValueAdjustment.ParseMethod(parse.GetValue(method)!);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"--method: {e.Message.Split(" (Parameter", 2)[0]}");
            }

            var adjusted = PValueAdjustment.Adjust(raw, m);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new { adjusted, method = m.ToString().ToUpperInvariant() switch { "BENJAMINIHOCHBERG" => "bh", var s => s.ToLowerInvariant() } });
                return ExitCodes.Success;
            }

            for (var i = 0; i < raw.Length; i++)
            {
                context.Out.WriteLine($"p = {MetricFormat.Number(raw[i])} → adjusted {MetricFormat.Number(adjusted[i])}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
