using Spectre.Console;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments;
using Verdict.Experiments.Analysis;
using Verdict.Reports;
using Verdict.Storage;

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

        var problem = LockGate.Enforce(request.BriefPath, request.Brief, request.Unlocked);
        var design = request.Brief.Interleaving!;
        using var opened = StoreOptions.OpenExisting(request.Store);
        var sums = CliProgress.Status(context, request.Json, $"computing interleaving outcomes for {request.Brief.Key} v{request.Brief.Version} in {opened.Location}",
            () => new SqlInterleavingSource(opened).Load(request.Brief.Key, request.AsOf, design.ImpressionEvent, design.ClickEvent));
        var report = InterleavingAnalyzer.Analyze(request.Brief, sums, request.AsOf).WithPlanProblem(problem);
        if (request.Json)
        {
            JsonOutput.Write(context.Out, InterleavingAnalysisDocument.From(report));
        }
        else
        {
            InterleavingTable.Write(context, $"{report.Experiment} v{report.Version} ({report.TeamA} = A, {report.TeamB} = B)", sums, report.PerQuery, report.PerUnit, request.Brief.Analysis.Alpha);
            AnalysisConsole.Write(context, report.Checks, report.Decision, report.Reasons);
            context.Console.MarkupLine("[grey]" + Markup.Escape(report.Caveat) + "[/]");
        }

        return request.FailOnNotShip && report.Decision != LaunchDecision.Ship ? ExitCodes.GateFailed : ExitCodes.Success;
    }
}
