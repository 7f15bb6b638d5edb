using System.Globalization;
using Spectre.Console;
using Verdict.Reports.Text;
using Verdict.Statistics.Interleaving;

namespace Verdict.Cli.Commands.Interleaving;

/// <summary>The console table of B's preference share under both variances, shared by the interleaving analyses.</summary>
internal static class InterleavingTable
{
    /// <summary>Prints the summary line, the table and the analyses' distinct diagnostics.</summary>
    public static void Write(CliContext context, string title, ClusteredInterleavingTally sums, PreferenceResult perQuery, PreferenceResult perUnit, double alpha)
    {
        context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{title}: {sums.Total.Queries:N0} queries from {sums.Users:N0} users: A won {sums.Total.WinsA:N0}, B won {sums.Total.WinsB:N0}, {sums.Total.Ties:N0} tied"));
        var table = new Table().AddColumns("variance", "B's share of decisive queries", $"{(1 - alpha) * 100:0.#}% CI", "p-value (share = ½)", "Δ_AB");
        Row(table, "queries independent (Wilson, exact binomial)", perQuery);
        Row(table, "clustered by user (Wald)", perUnit);
        context.Console.Write(table);
        foreach (var d in perQuery.Diagnostics.Concat(perUnit.Diagnostics).DistinctBy(d => d.Message))
        {
            context.Console.MarkupLineInterpolated($"[yellow]note[/] {d.Code}: {d.Message}");
        }
    }

    private static void Row(Table table, string name, PreferenceResult r) => table.AddRow(
        Markup.Escape(name),
        MetricFormat.Percent(r.ShareB).TrimStart('+'),
        Markup.Escape($"[{MetricFormat.Percent(r.CiLow).TrimStart('+')}, {MetricFormat.Percent(r.CiHigh).TrimStart('+')}]"),
        MetricFormat.PValue(r.PValue),
        MetricFormat.Number(r.DeltaAB));
}
