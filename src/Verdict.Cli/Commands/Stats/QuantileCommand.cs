using System.CommandLine;
using System.Globalization;
using Verdict.Reports.Text;
using Verdict.Statistics.Quantiles;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats quantile</c>: per-arm quantile intervals and their difference.</summary>
internal static class QuantileCommand
{
    public static Command Create(CliContext context)
    {
        var q = new Option<double>("--q") { Description = "The quantile, e.g. 0.95 for p95", DefaultValueFactory = _ => 0.95 };
        var controlFile = new Option<FileInfo?>("--control-file") { Description = "Control values, one number per line" };
        var treatmentFile = new Option<FileInfo?>("--treatment-file") { Description = "Treatment values, one number per line" };
        var controlStats = new Option<string?>("--control-order-stats") { Description = "Control N,POINT,LOW,HIGH: the order statistics at the ranks `--ranks` prints" };
        var treatmentStats = new Option<string?>("--treatment-order-stats") { Description = "Treatment N,POINT,LOW,HIGH" };
        var ranks = new Option<long?>("--ranks") { Description = "Only print the 1-based ranks of the order statistics needed for N units" };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command("quantile", "Quantile (p50/p95/p99) intervals from order statistics and the difference between arms.\n\nExamples:\n  verdict stats quantile --q 0.95 --ranks 2000\n  verdict stats quantile --q 0.95 --control-file control.txt --treatment-file treatment.txt")
        {
            q, controlFile, treatmentFile, controlStats, treatmentStats, ranks, alpha, json,
        };
        command.SetAction(parse =>
        {
            var quantile = parse.GetValue(q);
            if (!(quantile > 0 && quantile < 1))
            {
                throw new CliException($"--q must lie strictly between 0 and 1, got {quantile}");
            }

            var a = parse.GetValue(alpha);
            if (parse.GetValue(ranks) is { } n)
            {
                if (n < 1)
                {
                    throw new CliException($"--ranks must be at least 1, got {n}");
                }

                var r = QuantileRanks.For(n, quantile, a);
                if (parse.GetValue(json))
                {
                    JsonOutput.Write(context.Out, new { n, q = quantile, rank_point = r.Point, rank_low = r.Low, rank_high = r.High });
                }
                else
                {
                    context.Out.WriteLine($"n={n} q={quantile}: point rank {r.Point}, interval ranks [{r.Low}, {r.High}] (1-based, ascending)");
                }

                return ExitCodes.Success;
            }

            var c = Arm(parse.GetValue(controlFile), parse.GetValue(controlStats), "control", quantile, a);
            var t = Arm(parse.GetValue(treatmentFile), parse.GetValue(treatmentStats), "treatment", quantile, a);
            var lift = QuantileDifference.Compare(c, t, a);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    q = quantile,
                    control = ArmJson(c),
                    treatment = ArmJson(t),
                    absolute = EstimateJson.From(lift.Absolute),
                    relative = EstimateJson.From(lift.Relative),
                    diagnostics = lift.Diagnostics.Select(DiagnosticJson.From).ToList(),
                });
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"control p{quantile * 100:0.#} {MetricFormat.Number(c.Value)} [{MetricFormat.Number(c.CiLow)}, {MetricFormat.Number(c.CiHigh)}]");
            context.Out.WriteLine($"treatment p{quantile * 100:0.#} {MetricFormat.Number(t.Value)} [{MetricFormat.Number(t.CiLow)}, {MetricFormat.Number(t.CiHigh)}]");
            LiftOutput.Write(context, lift, json: false, percentagePoints: false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static object ArmJson(QuantileEstimate e) => new
    {
        n = e.Ranks.Count,
        estimate = e.Value,
        ci_low = e.CiLow,
        ci_high = e.CiHigh,
        se = e.StandardError,
        rank_point = e.Ranks.Point,
        rank_low = e.Ranks.Low,
        rank_high = e.Ranks.High,
    };

    private static QuantileEstimate Arm(FileInfo? file, string? orderStats, string arm, double quantile, double alpha)
    {
        if ((file is null) == (orderStats is null))
        {
            throw new CliException($"give exactly one of --{arm}-file or --{arm}-order-stats");
        }

        if (orderStats is not null)
        {
            var v = ArgParsing.Numbers(orderStats, $"--{arm}-order-stats", 4, "N,POINT,LOW,HIGH");
            var n = ArgParsing.Count(v[0], $"--{arm}-order-stats", "N");
            if (n < 1 || v[2] > v[1] || v[1] > v[3])
            {
                throw new CliException($"--{arm}-order-stats: need N ≥ 1 and LOW ≤ POINT ≤ HIGH, got \"{orderStats}\"");
            }

            return QuantileEstimate.FromOrderStatistics(QuantileRanks.For(n, quantile, alpha), v[1], v[2], v[3], alpha);
        }

        if (!file!.Exists)
        {
            throw new CliException($"--{arm}-file: {file.FullName} does not exist");
        }

        var values = new List<double>();
        var line = 0;
        foreach (var text in File.ReadLines(file.FullName))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            if (!double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new CliException($"{file.Name}:{line}: \"{text.Trim()}\" is not a number");
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            throw new CliException($"{file.Name}: no values");
        }

        return QuantileEstimate.FromValues(values.ToArray(), quantile, alpha);
    }
}
