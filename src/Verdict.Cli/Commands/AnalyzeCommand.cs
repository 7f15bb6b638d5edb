using System.CommandLine;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Locking;
using Verdict.Reports;
using Verdict.Reports.LongTerm;

namespace Verdict.Cli.Commands;

/// <summary><c>verdict analyze brief.yaml --store …</c>: the launch decision, every check printed PASS or FAIL.</summary>
public static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The experiment brief (brief.yaml)" };
        var store = StoreOptions.Store();
        var asOf = new Option<string?>("--as-of") { Description = "Only count data at or before this time (ISO-8601, UTC)" };
        var json = new Option<bool>("--json") { Description = "Print the analysis as one JSON object (docs/analysis-json.md)" };
        var markdown = new Option<bool>("--markdown") { Description = "Print the Markdown decision memo" };
        var arm = new Option<string?>("--arm") { Description = "The treatment arm to compare with control when the brief has several (default: the first)" };
        var unlocked = LockGate.Option();
        var holdout = new Option<bool>("--holdout") { Description = "Also read the long-term holdout: the units traffic.holdout keeps on control against each arm (docs/analysis.md, \"Long-term holdout\")" };
        var failOnNotShip = new Option<bool>("--fail-on-not-ship") { Description = "Exit 1 unless the verdict is SHIP (for CI gates)" };
        var command = new Command("analyze", "Analyse an experiment: integrity, primary metric, guardrails, secondary metrics, segments, novelty, verdict.\n\nExample:\n  verdict analyze examples/refund-query-rewrite/brief.yaml --store verdict.duckdb")
        {
            brief, store, asOf, arm, json, markdown, failOnNotShip, unlocked, holdout,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(json) && parse.GetValue(markdown))
            {
                throw new CliException("give at most one of --json and --markdown");
            }

            if (parse.GetValue(holdout) && parse.GetValue(markdown))
            {
                throw new CliException("--holdout prints to the console or with --json, not in the Markdown memo");
            }

            var loaded = BriefInput.Load(parse.GetValue(brief)!).Brief!;
            var limit = AnalysisRun.ParseAsOf(parse.GetValue(asOf));
            if (loaded.Interleaving is not null)
            {
                return Interleaving.InterleavingBriefAnalysis.Run(context, new(parse.GetValue(brief)!, loaded, parse.GetValue(store)!, limit, parse.GetValue(unlocked), parse.GetValue(json), parse.GetValue(markdown), parse.GetValue(arm), parse.GetValue(failOnNotShip)));
            }

            var report = AnalysisRun.AnalyzeRegistered(context, parse.GetValue(json) || parse.GetValue(markdown), parse.GetValue(brief)!, loaded, parse.GetValue(store)!, limit, parse.GetValue(unlocked), parse.GetValue(arm));
            var longTerm = parse.GetValue(holdout) ? LongTerm.HoldoutRun.Analyze(context, parse.GetValue(json), loaded, parse.GetValue(store)!, limit) : null;
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, longTerm is null ? AnalysisDocument.From(report) : HoldoutDocument.Append(AnalysisDocument.From(report), longTerm));
            }
            else if (parse.GetValue(markdown))
            {
                var registered = BriefLockFile.Read(BriefLockFile.PathFor(parse.GetValue(brief)!));
                context.Out.Write(DecisionMemo.Render(loaded, report, registered?.Hash));
            }
            else
            {
                AnalysisConsole.Write(context, report);
                if (longTerm is not null)
                {
                    LongTerm.HoldoutRun.Write(context, longTerm, loaded.Analysis.Alpha);
                }
            }

            return parse.GetValue(failOnNotShip) && report.Decision != LaunchDecision.Ship ? ExitCodes.GateFailed : ExitCodes.Success;
        });
        return command;
    }
}
