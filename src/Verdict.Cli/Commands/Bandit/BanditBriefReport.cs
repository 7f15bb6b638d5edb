using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Reports.Bandits;
using Verdict.Server.Bandits;
using Verdict.Server.ControlPlane;
using Verdict.Storage;
using Verdict.Storage.Bandits;
using Verdict.Storage.Sql;

namespace Verdict.Cli.Commands.Bandit;

/// <summary>
/// <c>verdict report</c> on a brief with a <c>bandit</c> block (docs/report.md, "Bandit"): the bandit page — weights over
/// time, posterior and P(best), regret, honest estimates, and the statement that a bandit result is not a launch test.
/// The periods come from <c>--state</c> (a <c>verdict bandit</c> state file) or, without it, from the audit log of the
/// <c>verdict serve</c> that ran the bandit on this store; the estimates are the update's, computed as of now.
/// </summary>
internal static class BanditBriefReport
{
    /// <summary>The options of <c>report</c> this path reads.</summary>
    public sealed record Request(string BriefPath, ExperimentBrief Brief, string Store, string? State, string Out, string? Png, DateTimeOffset? AsOf, bool Unlocked, bool Json, bool FailOnNotShip);

    /// <summary>Writes the page and returns the exit code (1 with <c>--fail-on-not-ship</c>: a bandit never ships).</summary>
    public static int Run(CliContext context, Request request, TimeProvider time)
    {
        var full = ReportWriter.CheckTargets(request.Out, request.Png);
        LockGate.Enforce(request.BriefPath, request.Brief, request.Unlocked);
        var now = request.AsOf ?? time.GetUtcNow();
        var opened = StoreOptions.OpenExisting(request.Store);
        BanditReport report;
        BanditState state;
        try
        {
            state = request.State is { } path ? BanditStateFile.Load(path) : Served(opened, request.Brief);
            if (request.Brief.Bandit!.Differences(state) is { Count: > 0 } differences)
            {
                throw new CliException($"--state: the state was not started from this brief's bandit block: {string.Join(", ", differences)} differ");
            }

            // The update's own numbers as of now, not recorded: what `bandit update --dry-run` prints.
            report = CliProgress.Status(context, request.Json, $"computing the bandit's estimates in {opened.Location}", () => BanditStoreUpdate.Next(opened, request.Brief, state, now, request.AsOf).Report);
        }
        catch (ArgumentException e) when (e.ParamName is "state" or "brief")
        {
            throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
        }
        finally
        {
            opened.Dispose();
        }

        var existing = BriefLockFile.Read(BriefLockFile.PathFor(request.BriefPath));
        ReportWriter.WriteAtomically(full, BanditPage.Render(state, report, existing?.Hash, time.GetUtcNow()));
        var pngs = new List<string>();
        if (request.Png is { } directory)
        {
            Directory.CreateDirectory(directory);
            var charts = new[] { BanditCharts.Weights(state), BanditCharts.ProbabilityBest(state), BanditCharts.Posterior(report.Arms, report.Posteriors, state.RewardMetric), BanditCharts.Regret(report) };
            pngs.AddRange(charts.OfType<Verdict.Reports.Charts.ReportChart>().Select(c => c.SavePng(directory)));
        }

        if (request.Json)
        {
            JsonOutput.Write(context.Out, new { report = full, pngs, kind = "bandit", period = state.Periods.Count - 1, lock_hash = existing?.Hash });
        }
        else
        {
            context.Out.WriteLine($"bandit (not a launch test): report written to {full}");
            foreach (var file in pngs)
            {
                context.Out.WriteLine($"  chart {file}");
            }
        }

        return request.FailOnNotShip ? ExitCodes.GateFailed : ExitCodes.Success;
    }

    /// <summary>The periods a <c>verdict serve</c> recorded for the brief's version in this store's audit log.</summary>
    private static BanditState Served(EventStore store, ExperimentBrief brief)
    {
        // The server's tables live beside the events; a store no server ran on has none, so look before creating them.
        var p = new SqlParameters(store.Dialect);
        using (var reader = store.Query($"SELECT COUNT(*) FROM information_schema.tables WHERE table_name = {p.Add("verdict_audit")}", p.Values))
        {
            if (reader.Read() && Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                var control = new ControlPlaneStore(store);
                var record = control.Experiments().FirstOrDefault(r => r.Key == brief.Key && r.Version == brief.Version && r.Status != ExperimentStatus.Draft)
                    ?? throw new CliException($"--state: {brief.Key} v{brief.Version} has not been started on the server over this store; give the bandit's state file with --state");
                return BanditLedger.State(record, brief, control.Audit(brief.Key));
            }
        }

        {
            throw new CliException("--state: no verdict serve has run on this store, so the bandit's periods are not here; give its state file (verdict bandit init/update) with --state");
        }
    }
}
