using System.Globalization;
using Spectre.Console;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Briefs;
using Verdict.Reports.Text;
using Verdict.Storage.Sql;

namespace Verdict.Cli.Commands.LongTerm;

/// <summary><c>verdict analyze --holdout</c>: loads the exposed and the held-out populations by the analysis's SQL and reads the long-run effect.</summary>
internal static class HoldoutRun
{
    /// <summary>The holdout report of <paramref name="brief"/> over <paramref name="store"/>; exit 2 when the brief has no holdout.</summary>
    public static HoldoutReport Analyze(CliContext context, bool quiet, ExperimentBrief brief, string store, DateTimeOffset? asOf)
    {
        if (brief.Traffic.Holdout is null)
        {
            throw new CliException($"--holdout: {brief.Key} v{brief.Version} has no traffic.holdout, so there is no held-out population to read (docs/analysis.md, \"Long-term holdout\")");
        }

        using var opened = StoreOptions.OpenExisting(store);
        var source = new SqlMetricSource(opened);
        var (exposed, held) = CliProgress.Status(context, quiet, $"computing sufficient statistics for {brief.Key} v{brief.Version} and its holdout in {opened.Location}",
            () => (source.Load(brief, asOf), source.Load(HoldoutAnalysis.HeldOutBrief(brief), asOf)));
        return HoldoutAnalysis.Analyze(brief, exposed, held, asOf);
    }

    /// <summary>The human rendering: the checks, then one row per metric and arm with the arm − holdout difference.</summary>
    public static void Write(CliContext context, HoldoutReport report, double alpha)
    {
        context.Out.WriteLine();
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Long-term holdout \"{report.Holdout.Name}\" ({100 * report.Holdout.Fraction:0.#}% of units kept on control): {report.HoldoutUnits:N0} held-out units against {string.Join(", ", report.ExposedUnits.Select(a => $"{a.Value:N0} in {a.Key}"))}"));
        var table = new Table().AddColumns("metric", "role", "arm", "holdout", "arm value", "arm − holdout", $"{MetricFormat.Confidence(alpha)} CI", "p");
        foreach (var (role, arm, c) in report.Comparisons)
        {
            var ci = c.Lift.Absolute;
            table.AddRow(Markup.Escape(c.Metric), role, Markup.Escape(arm), MetricFormat.Value(c.ControlValue, c.Unit), MetricFormat.Value(c.TreatmentValue, c.Unit),
                MetricFormat.Delta(ci.Value, c.Unit), Markup.Escape(MetricFormat.Interval(ci.CiLow, ci.CiHigh, c.Unit)), MetricFormat.PValue(ci.PValue));
        }

        context.Console.Write(table);
        foreach (var check in report.Checks)
        {
            context.Out.WriteLine($"  {check.Status.ToString().ToUpperInvariant(),-4}  {check.Name}: {CheckText.Detail(check)}");
        }

        context.Out.WriteLine("The holdout is read for what the launch did over the long run; its intervals are not corrected across metrics and arms.");
    }
}
