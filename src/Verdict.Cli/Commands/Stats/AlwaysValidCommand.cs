using System.CommandLine;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.AlwaysValid;
using Verdict.Statistics.Inference;

namespace Verdict.Cli.Commands.Stats;

/// <summary><c>verdict stats always-valid --control 760/2000 --treatment 840/2000</c>.</summary>
internal static class AlwaysValidCommand
{
    public static Command Create(CliContext context)
    {
        var control = new Option<string>("--control") { Description = "Control data so far: SUCCESSES/UNITS or N,MEAN,SD", Required = true };
        var treatment = new Option<string>("--treatment") { Description = "Treatment data so far: SUCCESSES/UNITS or N,MEAN,SD", Required = true };
        var method = new Option<string>("--method")
        {
            Description = "asymptotic (Waudby-Smith et al., GrowthBook's parametrisation) or msprt (Johari et al.) (default asymptotic)",
            DefaultValueFactory = _ => "asymptotic",
        };
        var nStar = new Option<double>("--n-star")
        {
            Description = "Tuning parameter N*: total units at which the sequence is tightest (default 5000, as GrowthBook)",
            DefaultValueFactory = _ => AsymptoticConfidenceSequence.DefaultTuningUnits,
        };
        var tau = new Option<double?>("--tau") { Description = "msprt: mixing standard deviation τ in the metric's units (default: from --n-star)" };
        var sides = new Option<int>("--sides") { Description = "asymptotic: 2, or 1 for the alternative treatment > control (default 2)", DefaultValueFactory = _ => 2 };
        var alpha = StatsOptions.Alpha();
        var json = StatsOptions.Json();
        var command = new Command(
            "always-valid",
            "Always-valid p-value and confidence sequence at this look: valid however often you look.\n\n"
            + "Examples:\n  verdict stats always-valid --control 760/2000 --treatment 840/2000\n"
            + "  verdict stats always-valid --control 2000,10,3 --treatment 2000,10.3,3.1 --method msprt --tau 0.2")
        {
            control, treatment, method, nStar, tau, sides, alpha, json,
        };
        command.SetAction(parse =>
        {
            var a = parse.GetValue(alpha);
            var n = parse.GetValue(nStar);
            if (!(n > 0 && double.IsFinite(n)))
            {
                throw new CliException($"--n-star must be a positive number, got {n}");
            }

            var s = parse.GetValue(sides);
            if (s is not (1 or 2) || (s == 1 && a >= 0.5))
            {
                throw new CliException($"--sides: expected 2, or 1 with --alpha below 0.5; got {s}");
            }

            var (lift, units) = TwoArmInput.Read(parse.GetValue(control)!, parse.GetValue(treatment)!, a);
            var m = parse.GetValue(method)!.Trim().ToLowerInvariant();
            AlwaysValidJson result;
            if (m == "asymptotic")
            {
                var (absolute, relative) = AsymptoticConfidenceSequence.Compare(lift, units, n, a, s);
                result = new AlwaysValidJson("asymptotic", a, s, units, n, null, AlwaysValidEstimateJson.From(absolute), AlwaysValidEstimateJson.From(relative), Diagnostics(lift));
            }
            else if (m == "msprt")
            {
                if (s != 2)
                {
                    throw new CliException("--method msprt is two-sided; drop --sides 1 or use --method asymptotic");
                }

                var t = parse.GetValue(tau);
                if (t is { } given && !(given > 0 && double.IsFinite(given)))
                {
                    throw new CliException($"--tau must be a positive number, got {given}");
                }

                var se = lift.Absolute.StandardError;
                var usedTau = t ?? (se > 0 && double.IsFinite(se) ? MixtureSprt.DefaultTau(se, units, a, n) : double.NaN);
                var absolute = double.IsFinite(usedTau) ? MixtureSprt.Compare(lift, units, usedTau, a) : AlwaysValidResult.Missing;
                result = new AlwaysValidJson("msprt", a, 2, units, t is null ? n : null, EstimateJson.N(usedTau), AlwaysValidEstimateJson.From(absolute), null, Diagnostics(lift));
            }
            else
            {
                throw new CliException($"--method: expected asymptotic or msprt, got \"{m}\"");
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, result);
                return ExitCodes.Success;
            }

            Print(context, result);
            return ExitCodes.Success;
        });
        return command;
    }

    private static List<DiagnosticJson> Diagnostics(Lift lift) => lift.Diagnostics.Select(DiagnosticJson.From).ToList();

    private static void Print(CliContext context, AlwaysValidJson result)
    {
        var table = new Table().AddColumns("lift", "estimate", "std. error", "confidence sequence", "always-valid p");
        void Row(string name, AlwaysValidEstimateJson? e)
        {
            if (e is null)
            {
                return;
            }

            static string F(double? v) => v is { } x ? MetricFormat.Number(x) : "n/a";
            var low = e.CiLow is { } l ? MetricFormat.Number(l) : "-∞";
            var high = e.CiHigh is { } h ? MetricFormat.Number(h) : "∞";
            table.AddRow(Markup.Escape(name), F(e.Estimate), F(e.Se), Markup.Escape($"[{low}, {high}]"), e.PValue is { } p ? MetricFormat.PValue(p) : "n/a");
        }

        Row("absolute", result.Absolute);
        Row("relative", result.Relative);
        context.Console.Write(table);
        var tuning = result.Tau is { } t ? $"τ = {MetricFormat.Number(t)}" : string.Empty;
        tuning += result.NStar is { } n ? $"{(tuning.Length > 0 ? ", " : string.Empty)}N* = {MetricFormat.Number(n)}" : string.Empty;
        context.Console.WriteLine($"{result.Method}, {(result.Sides == 2 ? "two-sided" : "one-sided (treatment > control)")}, alpha {MetricFormat.Number(result.Alpha)}, {tuning}, {result.Units} units");
        foreach (var d in result.Diagnostics)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
        }
    }
}
