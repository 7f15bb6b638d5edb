using System.Globalization;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis;
using Verdict.Experiments.Briefs;
using Verdict.Storage.Sql;

namespace Verdict.Cli.Commands;

/// <summary>What <c>analyze</c>, <c>report</c> and <c>demo</c> share: parse <c>--as-of</c>, open the store, load the aggregates, analyse.</summary>
internal static class AnalysisRun
{
    /// <summary>Parses an <c>--as-of</c> value (ISO-8601, UTC when no offset is given).</summary>
    public static DateTimeOffset? ParseAsOf(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            throw new CliException($"--as-of: expected an ISO-8601 time such as 2026-05-18T00:00:00Z, got \"{text}\"");
        }

        return parsed;
    }

    /// <summary>
    /// Analyses the brief at <paramref name="briefPath"/> only when it is its registered plan (exit 2 otherwise); with
    /// <paramref name="unlocked"/> a brief that is not runs anyway and comes back INVALID with the reason as a failed check.
    /// </summary>
    public static AnalysisReport AnalyzeRegistered(CliContext context, bool json, string briefPath, ExperimentBrief brief, string store, DateTimeOffset? asOf, bool unlocked, string? treatmentArm = null)
    {
        var problem = LockGate.Enforce(briefPath, brief, unlocked);
        return RegisteredPlanCheck.Apply(Analyze(context, json, brief, store, asOf, treatmentArm), problem);
    }

    /// <summary>
    /// Resolves the brief's plan once, loads its aggregates from <paramref name="store"/> through <see cref="IMetricSource"/>
    /// (with a spinner on a terminal) and analyses them under the same plan.
    /// </summary>
    public static AnalysisReport Analyze(CliContext context, bool json, ExperimentBrief brief, string store, DateTimeOffset? asOf, string? treatmentArm = null)
    {
        var plan = ResolvedPlan.From(brief);
        using var opened = StoreOptions.OpenExisting(store);
        IMetricSource source = new SqlMetricSource(opened);
        var data = CliProgress.Status(context, json, $"computing sufficient statistics for {brief.Key} v{brief.Version} in {opened.Location}", () => source.LoadAsync(plan, asOf).GetAwaiter().GetResult());
        try
        {
            return LaunchAnalyzer.Analyze(plan, data, asOf, treatmentArm);
        }
        catch (ArgumentException e) when (e.ParamName == "treatmentArm")
        {
            throw new CliException("--arm: " + e.Message.Split(" (Parameter", 2)[0]);
        }
    }
}
