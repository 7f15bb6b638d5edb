using Spectre.Console;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Analysis.Interleaving;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Interleaving;
using Verdict.Reports.Text;
using Verdict.Storage.Interleaving;

namespace Verdict.Cli.Commands.Interleaving;

/// <summary>
/// <c>verdict analyze</c> on a brief with an <c>interleaving</c> block (docs/interleaving.md, "An interleaving brief"):
/// dispatched before the launch analysis, it reads the per-user sums of the brief's impression and click events and
/// prints the preference checks and the verdict.
/// </summary>
internal static class InterleavingBriefAnalysis
{
    /// <summary>The options of <c>analyze</c> this path reads.</summary>
    public sealed record Request(string BriefPath, ExperimentBrief Brief, string Store, DateTimeOffset? AsOf, bool Unlocked, bool Json, bool Markdown, string? Arm, bool FailOnNotShip);

    /// <summary>
    /// The lock gate (exit 2 unless registered or <paramref name="unlocked"/>), the per-user sums of the brief's events
    /// from <paramref name="store"/>, and the verdict: what <c>analyze</c> and <c>report</c> share.
    /// </summary>
    public static InterleavingReport Analyze(CliContext context, bool quiet, string briefPath, ExperimentBrief brief, string store, DateTimeOffset? asOf, bool unlocked)
    {
        var problem = LockGate.Enforce(briefPath, brief, unlocked);
        var design = brief.Interleaving!;
        using var opened = StoreOptions.OpenExisting(store);
        var sums = CliProgress.Status(context, quiet, $"computing interleaving outcomes for {brief.Key} v{brief.Version} in {opened.Location}",
            () => new SqlInterleavingSource(opened).Load(brief.Key, asOf, design.ImpressionEvent, design.ClickEvent));
        return InterleavingAnalyzer.Analyze(brief, sums, asOf).WithPlanProblem(problem);
    }

    /// <summary>Analyses the brief and returns the exit code.</summary>
    public static int Run(CliContext context, Request request)
    {
        if (request.Markdown)
        {
            throw new CliException("--markdown: the decision memo covers launch analyses; for an interleaving brief use the console output or --json");
        }

        if (request.Arm is not null)
        {
            throw new CliException("--arm: an interleaving brief compares its two arms (control is team A); there is no arm to choose");
        }

        var report = Analyze(context, request.Json, request.BriefPath, request.Brief, request.Store, request.AsOf, request.Unlocked);
        var sums = report.Sums;
        if (request.Json)
        {
            JsonOutput.Write(context.Out, InterleavingAnalysisDocument.From(report));
        }
        else
        {
            InterleavingTable.Write(context, $"{report.Experiment} v{report.Version} ({report.TeamA} = A, {report.TeamB} = B)", sums, report.PerQuery, report.PerUnit, request.Brief.Analysis.Alpha);
            AnalysisConsole.Write(context, report.Checks, report.Decision, [.. report.Reasons.Select(DecisionText.Text)]);
            context.Console.MarkupLine("[grey]" + Markup.Escape(Caveats.Interleaving) + "[/]");
        }

        return request.FailOnNotShip && report.Decision != LaunchDecision.Ship ? ExitCodes.GateFailed : ExitCodes.Success;
    }
}
