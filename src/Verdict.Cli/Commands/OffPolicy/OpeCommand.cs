using System.CommandLine;
using Spectre.Console;
using Verdict.Cli.Commands.Stats;
using Verdict.Reports.Text;
using Verdict.Statistics.OffPolicy;

namespace Verdict.Cli.Commands.OffPolicy;

/// <summary><c>verdict ope DECISIONS</c>: what a candidate policy would have earned on logged traffic (docs/ope.md).</summary>
internal static class OpeCommand
{
    public static Command Create(CliContext context)
    {
        var decisions = new Argument<string>("decisions") { Description = "Logged decisions: CSV or NDJSON with action, propensity, reward, context.<name>, candidate.<action> (docs/ope.md)" };
        var policy = new Option<string?>("--policy") { Description = "Candidate probabilities: a JSON object {\"candidate\": {...}} for every decision, or CSV/NDJSON records keyed by id" };
        var brief = new Option<string?>("--brief") { Description = "Candidate = this brief's arm weights (a new split, a bandit's next period)" };
        var weights = new Option<string?>("--weights") { Description = "Candidate = these action weights, e.g. control=0.2,treatment=0.8" };
        var maxWeight = new Option<double?>("--max-weight") { Description = "Clip importance weights at this value (adds a downward bias, which is reported)" };
        var alpha = new Option<double>("--alpha") { Description = "Two-sided error rate of the intervals (default 0.05)", DefaultValueFactory = _ => 0.05 };
        var bootstrap = new Option<int>("--bootstrap") { Description = "Bootstrap resamples (default 1000; 0 for none)", DefaultValueFactory = _ => 1000 };
        var seed = new Option<int>("--seed") { Description = "Seed of the bootstrap (default 1)", DefaultValueFactory = _ => 1 };
        var folds = new Option<int>("--folds") { Description = "Cross-fitting folds of the doubly robust reward model (default 5; 1 = in-sample)", DefaultValueFactory = _ => 5 };
        var json = StatsOptions.Json();
        var html = new Option<string?>("--html") { Description = "Also write a self-contained HTML page with the estimates and the weight distribution" };
        var command = new Command("ope", "Off-policy evaluation: IPS, self-normalized IPS and doubly robust estimates of a candidate policy on logged decisions.\n\nExample:\n  verdict ope decisions.ndjson --weights control=0.2,treatment=0.8")
        {
            decisions, policy, brief, weights, maxWeight, alpha, bootstrap, seed, folds, html, json,
        };
        command.SetAction(parse =>
        {
            var candidate = CandidatePolicy.Resolve(parse.GetValue(policy), parse.GetValue(brief), parse.GetValue(weights));
            var (rows, actions, features) = LoggedDecisionsFile.Read(parse.GetValue(decisions)!, candidate);
            var options = new OffPolicyOptions
            {
                Alpha = parse.GetValue(alpha),
                MaxWeight = parse.GetValue(maxWeight),
                BootstrapResamples = parse.GetValue(bootstrap),
                Seed = parse.GetValue(seed),
                CrossFitFolds = parse.GetValue(folds),
            };
            try
            {
                options.Validate();
            }
            catch (ArgumentOutOfRangeException e)
            {
                throw new CliException($"{Flag(e.ParamName)}: {e.Message.Split(" (Parameter", 2)[0].Split('\n')[0]}");
            }

            var result = OffPolicyEvaluation.Evaluate(rows, options);
            if (parse.GetValue(html) is { } page)
            {
                var title = $"Off-policy evaluation of {Path.GetFileName(parse.GetValue(decisions))} (candidate from {candidate.Source})";
                Quasi.HtmlPage.Write(context, page, Verdict.Reports.Quasi.QuasiPage.OffPolicy(result, title, options.Alpha));
            }

            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, OpeJson.From(result, actions, features, candidate.Source, options));
            }
            else
            {
                Write(context, result, options, candidate.Source);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static string Flag(string? parameter) => parameter switch
    {
        nameof(OffPolicyOptions.MaxWeight) => "--max-weight",
        nameof(OffPolicyOptions.BootstrapResamples) => "--bootstrap",
        nameof(OffPolicyOptions.CrossFitFolds) => "--folds",
        _ => "--alpha",
    };

    private static void Write(CliContext context, OffPolicyResult result, OffPolicyOptions options, string source)
    {
        var level = $"{(1 - options.Alpha) * 100:0.##}%";
        context.Out.WriteLine($"{result.Decisions:N0} decisions ({result.Dropped:N0} left out), candidate from {source}");
        var table = new Table().AddColumns("policy", "value", $"{level} interval", "bootstrap interval", "vs logged", $"{level} interval");
        void Row(params string[] cells) => table.AddRow(cells.Select(Markup.Escape).ToArray());
        Row("logged", MetricFormat.Number(result.Logged.Value), Interval(result.Logged.CiLow, result.Logged.CiHigh), string.Empty, string.Empty, string.Empty);
        foreach (var e in result.Estimates)
        {
            Row(
                OpeJson.Name(e.Estimator),
                MetricFormat.Number(e.Value.Value),
                Interval(e.Value.CiLow, e.Value.CiHigh),
                Interval(e.BootstrapLow, e.BootstrapHigh),
                MetricFormat.Number(e.VersusLogged.Value),
                Interval(e.VersusLogged.CiLow, e.VersusLogged.CiHigh));
        }

        context.Console.Write(table);
        var w = result.Weights;
        context.Out.WriteLine($"weights: mean {MetricFormat.Number(w.Mean)}, median {MetricFormat.Number(w.Median)}, p99 {MetricFormat.Number(w.P99)}, max {MetricFormat.Number(w.Max)}; effective sample {w.EffectiveSampleSize:N0} of {result.Decisions:N0}");
        if (options.MaxWeight is { } max)
        {
            context.Out.WriteLine($"clipped {w.ClippedCount:N0} weights at {MetricFormat.Number(max)}: IPS bias from clipping ≈ {MetricFormat.Number(result.ClippingBias)}");
        }

        foreach (var d in result.Diagnostics)
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
        }
    }

    private static string Interval(double low, double high) => double.IsNaN(low) ? string.Empty : $"[{MetricFormat.Number(low)}, {MetricFormat.Number(high)}]";
}
