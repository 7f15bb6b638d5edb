using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Statistics.VarianceReduction;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats cuped</c> and <c>verdict stats ratio</c>: comparisons from joint sufficient statistics.</summary>
internal static class CupedCommand
{
    public static Command Create(CliContext context)
    {
        var control = new Option<string>("--control") { Description = "Control N,SUM_Y,SUM_Y2,SUM_X,SUM_X2,SUM_XY (y outcome, x pre-period covariate)", Required = true };
        var treatment = new Option<string>("--treatment") { Description = "Treatment N,SUM_Y,SUM_Y2,SUM_X,SUM_X2,SUM_XY", Required = true };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("cuped", "CUPED-adjusted lift beside the unadjusted one, θ pooled across arms.\n\nExample:\n  verdict stats cuped --control 1000,380,380,450,450,300 --treatment 1000,420,420,455,455,320")
        {
            control, treatment, alpha, json,
        };
        command.SetAction(parse =>
        {
            var c = Parse(parse.GetValue(control)!, "--control");
            var t = Parse(parse.GetValue(treatment)!, "--treatment");
            var result = Cuped.Compare(c, t, parse.GetValue(alpha));
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    theta = EstimateJson.N(result.Theta),
                    variance_reduction = EstimateJson.N(result.VarianceReduction),
                    adjusted = LiftJson.From(result.Adjusted),
                    unadjusted = LiftJson.From(result.Unadjusted),
                    diagnostics = result.Diagnostics.Select(DiagnosticJson.From).ToList(),
                });
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"theta {MetricFormat.Number(result.Theta)}; variance of the lift reduced by {MetricFormat.Percent(result.VarianceReduction)}");
            context.Out.WriteLine("adjusted:");
            LiftOutput.Write(context, result.Adjusted, json: false, percentagePoints: false);
            context.Out.WriteLine("unadjusted:");
            LiftOutput.Write(context, result.Unadjusted, json: false, percentagePoints: false);
            return ExitCodes.Success;
        });
        return command;
    }

    public static Command CreateRatio(CliContext context)
    {
        var control = new Option<string>("--control") { Description = "Control N,SUM_NUM,SUM_DEN,SUM_NUM2,SUM_DEN2,SUM_NUM_DEN", Required = true };
        var treatment = new Option<string>("--treatment") { Description = "Treatment N,SUM_NUM,SUM_DEN,SUM_NUM2,SUM_DEN2,SUM_NUM_DEN", Required = true };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("ratio", "Ratio metric Σnum/Σden (e.g. cost per resolved conversation) with delta-method intervals.\n\nExample:\n  verdict stats ratio --control 1000,52.1,380,4.1,380,30.2 --treatment 1000,55.3,420,4.4,420,33.0")
        {
            control, treatment, alpha, json,
        };
        command.SetAction(parse =>
        {
            var c = ParseRatio(parse.GetValue(control)!, "--control");
            var t = ParseRatio(parse.GetValue(treatment)!, "--treatment");
            var lift = RatioMetric.Compare(c, t, parse.GetValue(alpha));
            LiftOutput.Write(context, lift, parse.GetValue(json), percentagePoints: false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static BivariateMoments Parse(string text, string option)
    {
        var v = ArgParsing.Numbers(text, option, 6, "N,SUM_Y,SUM_Y2,SUM_X,SUM_X2,SUM_XY");
        var n = ArgParsing.Count(v[0], option, "N");
        return Build(option, () => BivariateMoments.FromSums(n, v[3], v[1], v[4], v[2], v[5]));
    }

    private static BivariateMoments ParseRatio(string text, string option)
    {
        var v = ArgParsing.Numbers(text, option, 6, "N,SUM_NUM,SUM_DEN,SUM_NUM2,SUM_DEN2,SUM_NUM_DEN");
        var n = ArgParsing.Count(v[0], option, "N");
        return Build(option, () => BivariateMoments.FromSums(n, v[2], v[1], v[4], v[3], v[5]));
    }

    private static BivariateMoments Build(string option, Func<BivariateMoments> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException($"{option}: sums of squares must not be negative ({e.ParamName})");
        }
    }
}
