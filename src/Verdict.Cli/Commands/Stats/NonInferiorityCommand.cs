using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.Guardrails;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats noninferiority</c>: a guardrail test against a margin.</summary>
internal static class NonInferiorityCommand
{
    public static Command Create(CliContext context)
    {
        var estimate = new Option<double>("--estimate") { Description = "Estimated change (treatment − control)", Required = true };
        var se = new Option<double>("--se") { Description = "Its standard error", Required = true };
        var margin = new Option<double>("--margin") { Description = "The budget: the largest acceptable harmful change (negative for decrease-is-bad)", Required = true };
        var direction = new Option<string>("--direction") { Description = "increase-is-bad (default) or decrease-is-bad", DefaultValueFactory = _ => "increase-is-bad" };
        var alpha = new Option<double>("--alpha") { Description = "One-sided significance level (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var json = StatsOptions.Json();
        var command = new Command("noninferiority", "One-sided non-inferiority test of a guardrail change against its budget.\n\nExample (p95 latency must not rise by more than 150 ms):\n  verdict stats noninferiority --estimate 80 --se 30 --margin 150")
        {
            estimate, se, margin, direction, alpha, json,
        };
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(direction) switch
            {
                "increase-is-bad" => NonInferiorityDirection.IncreaseIsBad,
                "decrease-is-bad" => NonInferiorityDirection.DecreaseIsBad,
                var other => throw new CliException($"--direction: expected increase-is-bad or decrease-is-bad, got \"{other}\""),
            };
            var result = NonInferiority.Test(parse.GetValue(estimate), parse.GetValue(se), parse.GetValue(margin), dir, parse.GetValue(alpha));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new { passed = result.Passed, bound = result.Bound, margin = result.Margin, p_value = result.PValue, direction = parse.GetValue(direction), alpha = result.Alpha });
                return ExitCodes.Success;
            }

            var side = dir == NonInferiorityDirection.IncreaseIsBad ? "upper" : "lower";
            context.Out.WriteLine($"{(result.Passed ? "PASS" : "FAIL")}: one-sided {1 - result.Alpha:P0} {side} bound {MetricFormat.Number(result.Bound)} against margin {MetricFormat.Number(result.Margin)} (p = {MetricFormat.PValue(result.PValue)})");
            return ExitCodes.Success;
        });
        return command;
    }
}
