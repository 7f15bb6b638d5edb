using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.Power;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats sample-size</c>, <c>mde</c> and <c>power</c>: planning calculators.</summary>
internal static class SampleSizeCommand
{
    public static Command Create(CliContext context)
    {
        var o = new PlanningOptions();
        var mde = new Option<double>("--mde") { Description = "Absolute minimum detectable effect (0.02 = two percentage points)", Required = true };
        var daily = new Option<double?>("--daily-traffic") { Description = "Expected eligible units per day, to estimate the duration" };
        var command = new Command("sample-size", "Units per arm to detect an absolute effect (binary: --baseline; continuous: --sd).\n\nExamples:\n  verdict stats sample-size --baseline 0.38 --mde 0.02\n  verdict stats sample-size --baseline 0.60 --mde 0.05 --formula pooled\n  verdict stats sample-size --sd 300 --mde 20 --ratio 2 --correlation 0.5");
        o.AddTo(command);
        command.Options.Add(mde);
        command.Options.Add(daily);
        command.SetAction(parse =>
        {
            var effect = PlanningOptions.Mde(parse, mde);
            var dailyTraffic = PlanningOptions.DailyTraffic(parse, daily);
            var result = o.IsBinary(parse)
                ? SampleSize.ForProportions(o.Baseline(parse), effect, parse.GetValue(o.Alpha), parse.GetValue(o.Power), o.Formula(parse), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation))
                : SampleSize.ForMeans(o.Sd(parse), effect, parse.GetValue(o.Alpha), parse.GetValue(o.Power), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation));
            int? days = dailyTraffic is { } d ? result.DurationDays(d) : null;
            if (parse.GetValue(o.Json))
            {
                JsonOutput.Write(context.Out, result.IsBalanced && parse.GetValue(o.Ratio) == 1
                    ? new { per_arm = result.Control, total = result.Total, duration_days = days }
                    : new { control = result.Control, treatment = result.Treatment, total = result.Total, duration_days = days });
                return ExitCodes.Success;
            }

            context.Out.WriteLine(result.IsBalanced
                ? $"{result.Control:N0} units per arm, {result.Total:N0} in total"
                : $"control {result.Control:N0}, treatment {result.Treatment:N0}, {result.Total:N0} in total");
            if (days is { } dd)
            {
                context.Out.WriteLine($"about {dd} days at {parse.GetValue(daily):N0} eligible units a day");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateMde(CliContext context)
    {
        var o = new PlanningOptions();
        var n = new Option<long>("--n") { Description = "Control units (treatment = ratio × control)", Required = true };
        var command = new Command("mde", "The smallest absolute effect detectable with N control units.\n\nExample:\n  verdict stats mde --baseline 0.38 --n 9246");
        o.AddTo(command);
        command.Options.Add(n);
        command.SetAction(parse =>
        {
            var units = parse.GetValue(n);
            if (units < 1)
            {
                throw new CliException($"--n must be at least 1, got {units}");
            }

            var value = o.IsBinary(parse)
                ? SampleSize.MinimumDetectableEffectForProportions(o.Baseline(parse), units, parse.GetValue(o.Alpha), parse.GetValue(o.Power), o.Formula(parse), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation))
                : SampleSize.MinimumDetectableEffectForMeans(o.Sd(parse), units, parse.GetValue(o.Alpha), parse.GetValue(o.Power), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation));
            if (parse.GetValue(o.Json))
            {
                JsonOutput.Write(context.Out, new { mde = value, control = units });
            }
            else
            {
                context.Out.WriteLine($"minimum detectable effect: {MetricFormat.Number(value)} (absolute) with {units:N0} control units");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreatePower(CliContext context)
    {
        var o = new PlanningOptions();
        var n = new Option<long>("--n") { Description = "Control units (treatment = ratio × control)", Required = true };
        var mde = new Option<double>("--mde") { Description = "Absolute effect to detect", Required = true };
        var command = new Command("power", "Power of a two-sided test to detect an absolute effect with N control units.\n\nExample:\n  verdict stats power --baseline 0.38 --mde 0.02 --n 5000");
        o.AddTo(command);
        command.Options.Add(n);
        command.Options.Add(mde);
        command.SetAction(parse =>
        {
            var units = parse.GetValue(n);
            if (units < 1)
            {
                throw new CliException($"--n must be at least 1, got {units}");
            }

            var value = o.IsBinary(parse)
                ? SampleSize.PowerForProportions(o.Baseline(parse), PlanningOptions.Mde(parse, mde), units, parse.GetValue(o.Alpha), o.Formula(parse), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation))
                : SampleSize.PowerForMeans(o.Sd(parse), PlanningOptions.Mde(parse, mde), units, parse.GetValue(o.Alpha), parse.GetValue(o.Ratio), parse.GetValue(o.Correlation));
            if (parse.GetValue(o.Json))
            {
                JsonOutput.Write(context.Out, new { power = value, control = units });
            }
            else
            {
                context.Out.WriteLine($"power: {value:P1} with {units:N0} control units");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
