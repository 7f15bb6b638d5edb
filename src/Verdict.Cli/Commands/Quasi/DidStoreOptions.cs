using System.CommandLine;
using System.Globalization;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Quantities;
using Verdict.Statistics.Did;
using Verdict.Storage.Panels;

namespace Verdict.Cli.Commands.Quasi;

/// <summary>
/// The options of <c>verdict did --store … --brief …</c>: a panel read from the event store through the brief's
/// metric definitions (<see cref="PanelMetricSource"/>) instead of a panel file.
/// </summary>
internal sealed class DidStoreOptions
{
    private readonly Option<string?> store = new("--store") { Description = "Read the panel from this event store (a DuckDB file or a PostgreSQL connection string) instead of a file" };
    private readonly Option<string?> brief = new("--brief") { Description = "With --store: the brief whose metric definitions and segments are used" };
    private readonly Option<string?> metric = new("--metric") { Description = "With --store: the metric (binary, count, sum or mean)" };
    private readonly Option<string?> group = new("--group") { Description = "With --store: the brief segment that says which units got the change (e.g. region)" };
    private readonly Option<string?> treatedValues = new("--treated-values") { Description = "With --store: the segment values that got the change, e.g. eu,uk" };
    private readonly Option<string?> adoption = new("--adoption") { Description = "With --store: when the change went live (ISO-8601, UTC); period 0 starts here" };
    private readonly Option<string> period = new("--period") { Description = "With --store: the length of a period (default 1d; e.g. 12h, 1w)", DefaultValueFactory = _ => "1d" };
    private readonly Option<int?> before = new("--periods-before") { Description = "With --store: periods before adoption to read (default: all with events)" };
    private readonly Option<int?> after = new("--periods-after") { Description = "With --store: periods from adoption on (default: all with events)" };
    private readonly Option<bool> clusterByGroup = new("--cluster-by-group") { Description = "With --store: cluster by the group's value (the level the rollout was assigned at) instead of by unit" };
    private readonly Option<string?> asOf = new("--as-of") { Description = "With --store: only count data at or before this time (ISO-8601, UTC)" };

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { store, brief, metric, group, treatedValues, adoption, period, before, after, clusterByGroup, asOf })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>True when --store was given.</summary>
    public bool Given(ParseResult parse) => parse.GetValue(store) is not null;

    /// <summary>Reads the panel, its period labels (the period's start, UTC) and unit labels, and the metric's name.</summary>
    public (List<PanelObservation> Panel, string[] Periods, string[] Units, string Outcome) Load(CliContext context, ParseResult parse, bool json)
    {
        var loaded = BriefInput.Load(Required(parse, brief, "--brief")).Brief!;
        var start = AnalysisRun.ParseAsOf(Required(parse, adoption, "--adoption"))!.Value;
        if (!DurationText.TryParse(parse.GetValue(period), out var length) || length <= TimeSpan.Zero)
        {
            throw new CliException($"--period: expected a duration such as 1d, 12h or 1w, got \"{parse.GetValue(period)}\"");
        }

        var request = new PanelRequest
        {
            Metric = Required(parse, metric, "--metric"),
            Group = Required(parse, group, "--group"),
            TreatedValues = Required(parse, treatedValues, "--treated-values").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal),
            Adoption = start,
            PeriodLength = length,
            PeriodsBefore = parse.GetValue(before),
            PeriodsAfter = parse.GetValue(after),
            ClusterByGroup = parse.GetValue(clusterByGroup),
            AsOf = AnalysisRun.ParseAsOf(parse.GetValue(asOf)),
        };
        using var opened = StoreOptions.OpenExisting(parse.GetValue(store)!);
        MetricPanel panel;
        try
        {
            panel = CliProgress.Status(context, json, $"reading {request.Metric} per unit and period from {opened.Location}", () => new PanelMetricSource(opened).Load(loaded, request));
        }
        catch (ArgumentException e) when (e.ParamName == "request")
        {
            throw new CliException(e.Message.Split(" (Parameter", 2)[0]);
        }

        if (panel.Observations.Count == 0)
        {
            throw new CliException($"{request.Metric}: no unit of {loaded.Key} v{loaded.Version} has events in {opened.Location}");
        }

        // Observations count periods from adoption (negative before it); the command indexes periods from 0.
        var first = panel.Observations.Min(o => o.Period);
        var last = panel.Observations.Max(o => o.Period);
        var periods = Enumerable.Range(first, last - first + 1)
            .Select(k => start.Add(length * k).ToString("yyyy-MM-dd'T'HH:mm'Z'", CultureInfo.InvariantCulture)).ToArray();
        return ([.. panel.Observations.Select(o => o with { Period = o.Period - first })], periods, [.. panel.Units], request.Metric);
    }

    private static string Required(ParseResult parse, Option<string?> option, string name) =>
        parse.GetValue(option) ?? throw new CliException($"{name} is required with --store");
}
