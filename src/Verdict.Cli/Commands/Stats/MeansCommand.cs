using System.CommandLine;
using Verdict.Statistics.Comparisons;
using Verdict.Statistics.SufficientStatistics;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats means</c>: Welch's comparison of two means.</summary>
internal static class MeansCommand
{
    public static Command Create(CliContext context)
    {
        var control = new Option<string?>("--control") { Description = "Control N,MEAN,SD" };
        var treatment = new Option<string?>("--treatment") { Description = "Treatment N,MEAN,SD" };
        var controlSums = new Option<string?>("--control-sums") { Description = "Control N,SUM,SUMSQ (Σy and Σy²)" };
        var treatmentSums = new Option<string?>("--treatment-sums") { Description = "Treatment N,SUM,SUMSQ" };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("means", "Welch's t comparison of two means: absolute and relative lift with Welch–Satterthwaite df.\n\nExamples:\n  verdict stats means --control 2000,1180,310 --treatment 2000,1260,330\n  verdict stats means --control-sums 3,6,14 --treatment-sums 3,9,29")
        {
            control, treatment, controlSums, treatmentSums, alpha, json,
        };
        command.SetAction(parse =>
        {
            var c = Arm(parse.GetValue(control), parse.GetValue(controlSums), "control");
            var t = Arm(parse.GetValue(treatment), parse.GetValue(treatmentSums), "treatment");
            var lift = TwoMeans.Compare(c, t, parse.GetValue(alpha));
            LiftOutput.Write(context, lift, parse.GetValue(json), percentagePoints: false, withDf: true);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Moments Arm(string? stats, string? sums, string arm)
    {
        if ((stats is null) == (sums is null))
        {
            throw new CliException($"give exactly one of --{arm} N,MEAN,SD or --{arm}-sums N,SUM,SUMSQ");
        }

        if (stats is not null)
        {
            var v = ArgParsing.Numbers(stats, $"--{arm}", 3, "N,MEAN,SD");
            var n = ArgParsing.Count(v[0], $"--{arm}", "N");
            if (v[2] < 0)
            {
                throw new CliException($"--{arm}: SD must not be negative, got {v[2]}");
            }

            return Moments.FromMeanAndStandardDeviation(n, v[1], v[2]);
        }

        var s = ArgParsing.Numbers(sums!, $"--{arm}-sums", 3, "N,SUM,SUMSQ");
        var count = ArgParsing.Count(s[0], $"--{arm}-sums", "N");
        if (s[2] < 0 || (count > 0 && s[2] < (s[1] * s[1] / count) * (1 - 1e-12)))
        {
            throw new CliException($"--{arm}-sums: SUMSQ must be at least SUM²/N, got {s[2]}");
        }

        return Moments.FromSums(count, s[1], s[2]);
    }
}
