using System.CommandLine;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis;
using Verdict.Reports;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict report brief.yaml --store … --out report.html [--png DIR]</c>: the self-contained HTML report (docs/report.md).</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var brief = new Argument<string>("brief") { Description = "The experiment brief (brief.yaml); its lock (brief.lock.json) is read from beside it" };
        var store = StoreOptions.Store();
        var output = new Option<string>("--out") { Description = "The HTML file to write", DefaultValueFactory = _ => "report.html" };
        var png = new Option<string?>("--png") { Description = "Also write every chart as a PNG file into this directory" };
        var asOf = new Option<string?>("--as-of") { Description = "Only count data at or before this time (ISO-8601, UTC)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON object: the files written and the decision" };
        var unlocked = LockGate.Option();
        var banditState = new Option<string?>("--state") { Description = "For a bandit brief: its state file (verdict bandit init/update); without it, the periods a verdict serve recorded in the store" };
        var failOnNotShip = new Option<bool>("--fail-on-not-ship") { Description = "Exit 1 unless the verdict is SHIP (for CI gates); the report is written either way" };
        var command = new Command(
            "report",
            "Write one self-contained HTML report (opens without a network): the verdict, every check, a forest plot, the effect over time, "
            + "sample ratio, segments, receipts side by side and the registered plan with its lock hash.\n\n"
            + "Example:\n  verdict report examples/refund-query-rewrite/brief.yaml --store verdict.duckdb --out report.html --png charts/")
        {
            brief, store, output, png, asOf, json, failOnNotShip, unlocked, banditState,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(brief)!;
            var loaded = BriefInput.Load(path).Brief!;
            var quiet = parse.GetValue(json);
            if (loaded.Interleaving is not null)
            {
                return Interleaving.InterleavingBriefReport.Run(context, new(path, loaded, parse.GetValue(store)!, parse.GetValue(output)!, parse.GetValue(png), AnalysisRun.ParseAsOf(parse.GetValue(asOf)), parse.GetValue(unlocked), quiet, parse.GetValue(failOnNotShip)), time);
            }

            if (loaded.Bandit is not null)
            {
                return Bandit.BanditBriefReport.Run(context, new(path, loaded, parse.GetValue(store)!, parse.GetValue(banditState), parse.GetValue(output)!, parse.GetValue(png), AnalysisRun.ParseAsOf(parse.GetValue(asOf)), parse.GetValue(unlocked), quiet, parse.GetValue(failOnNotShip)), time);
            }

            if (parse.GetValue(banditState) is not null)
            {
                throw new CliException("--state: only a bandit brief (with a bandit block) reads a state file");
            }

            var report = AnalysisRun.AnalyzeRegistered(context, quiet, path, loaded, parse.GetValue(store)!, AnalysisRun.ParseAsOf(parse.GetValue(asOf)), parse.GetValue(unlocked));
            var written = CliProgress.Status(context, quiet, "drawing the report", () =>
                ReportWriter.Write(loaded, path, report, parse.GetValue(output)!, parse.GetValue(png), time.GetUtcNow()));
            var decision = AnalysisDocument.DecisionText(report.Decision);
            if (quiet)
            {
                JsonOutput.Write(context.Out, new { report = written.Html, pngs = written.Pngs, decision, lock_hash = written.Lock?.Hash });
            }
            else
            {
                context.Out.WriteLine($"{decision}: report written to {written.Html}");
                foreach (var file in written.Pngs)
                {
                    context.Out.WriteLine($"  chart {file}");
                }
            }

            return parse.GetValue(failOnNotShip) && report.Decision != LaunchDecision.Ship ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }
}
