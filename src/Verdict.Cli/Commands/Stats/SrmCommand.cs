using System.CommandLine;
using Verdict.Reports.Text;
using Verdict.Statistics.Integrity;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats srm</c>: sample-ratio mismatch.</summary>
internal static class SrmCommand
{
    public static Command Create(CliContext context)
    {
        var counts = new Option<string>("--counts") { Description = "Observed units per arm, e.g. 1650,2350", Required = true };
        var weights = new Option<string?>("--weights") { Description = "Planned weights per arm (default equal), e.g. 0.5,0.5" };
        var threshold = new Option<double>("--threshold") { Description = "Alert when p < threshold (default 0.001)", DefaultValueFactory = _ => SampleRatioMismatch.DefaultThreshold };
        var json = StatsOptions.Json();
        var command = new Command("srm", "Sample-ratio mismatch: Pearson χ² of arm counts against the planned split.\n\nExample:\n  verdict stats srm --counts 1650,2350 --weights 0.5,0.5")
        {
            counts, weights, threshold, json,
        };
        command.SetAction(parse =>
        {
            var c = ArgParsing.Numbers(parse.GetValue(counts)!, "--counts").Select(v => ArgParsing.Count(v, "--counts", "each count")).ToArray();
            var w = parse.GetValue(weights) is { } text ? ArgParsing.Numbers(text, "--weights", c.Length, $"{c.Length} weights, one per count") : Enumerable.Repeat(1.0 / c.Length, c.Length).ToArray();
            if (w.Any(x => x < 0) || Math.Abs(w.Sum() - 1) > 1e-9)
            {
                throw new CliException($"--weights: the planned split must be non-negative shares that sum to 1, got {parse.GetValue(weights)} (sum {w.Sum().ToString("R", System.Globalization.CultureInfo.InvariantCulture)})");
            }

            var t = parse.GetValue(threshold);
            if (!(t > 0 && t < 1))
            {
                throw new CliException($"--threshold must lie strictly between 0 and 1, got {t}");
            }

            var result = SampleRatioMismatch.Test(c, w, t);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, new
                {
                    chi_square = EstimateJson.N(result.ChiSquare),
                    df = result.DegreesOfFreedom,
                    p_value = EstimateJson.N(result.PValue),
                    mismatch = result.Mismatch,
                    threshold = result.Threshold,
                    expected = result.ExpectedCounts,
                    excluded_arms = result.ExcludedArms,
                    diagnostics = result.Diagnostics.Select(DiagnosticJson.From).ToList(),
                });
                return ExitCodes.Success;
            }

            context.Out.WriteLine($"chi-square {MetricFormat.Number(result.ChiSquare)} (df {result.DegreesOfFreedom}), p = {MetricFormat.PValue(result.PValue)}");
            context.Out.WriteLine(result.Mismatch
                ? $"SAMPLE RATIO MISMATCH: p < {t}; pause analysis and investigate assignment, filtering and logging"
                : $"no mismatch at threshold {t}");
            foreach (var d in result.Diagnostics)
            {
                context.Out.WriteLine($"note {d.Code}: {d.Message}");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
