using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Reports;
using Verdict.Reports.Interleaving;

namespace Verdict.Cli.Commands.Interleaving;

/// <summary>
/// <c>verdict report</c> on a brief with an <c>interleaving</c> block: one self-contained HTML file with the verdict,
/// every check, the per-query outcomes and the preference share under both variances (docs/report.md).
/// </summary>
internal static class InterleavingBriefReport
{
    /// <summary>The options of <c>report</c> this path reads.</summary>
    public sealed record Request(string BriefPath, ExperimentBrief Brief, string Store, string Out, string? Png, DateTimeOffset? AsOf, bool Unlocked, bool Json, bool FailOnNotShip);

    /// <summary>Analyses the brief, writes the report and returns the exit code.</summary>
    public static int Run(CliContext context, Request request, TimeProvider time)
    {
        if (request.Png is not null)
        {
            throw new CliException("--png: an interleaving report draws its two charts inline as SVG; there are no PNG charts to write");
        }

        var full = ReportWriter.CheckTargets(request.Out, null);
        var report = InterleavingBriefAnalysis.Analyze(context, request.Json, request.BriefPath, request.Brief, request.Store, request.AsOf, request.Unlocked);
        var existing = BriefLockFile.Read(BriefLockFile.PathFor(request.BriefPath));
        var html = InterleavingPage.Render(report, existing?.Hash, time.GetUtcNow());
        ReportWriter.WriteAtomically(full, html);

        var decision = AnalysisDocument.DecisionText(report.Decision);
        if (request.Json)
        {
            JsonOutput.Write(context.Out, new { report = full, pngs = Array.Empty<string>(), decision, lock_hash = existing?.Hash });
        }
        else
        {
            context.Out.WriteLine($"{decision}: report written to {full}");
        }

        return request.FailOnNotShip && report.Decision != LaunchDecision.Ship ? ExitCodes.GateFailed : ExitCodes.Success;
    }
}
