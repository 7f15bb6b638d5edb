using System.Text.Json;
using Verdict.Statistics.Tests.DifferenceInDifferences;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict did</c>: reads a panel file, refuses staggered designs, prints the documented JSON.</summary>
public sealed class DidCommandTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    private static string Reference(string file) => ScratchFolder.Reference("did", file);

    public void Dispose() => scratch.Dispose();

    private string Write(string name, string text) => scratch.Write(name, text);

    [Fact]
    public void Did_RegionPanel_JsonMatchesStatsmodels()
    {
        var json = CliRunner.Json("did", Reference("panel_regions.csv"), "--cluster", "region", "--alpha", "0.1", "--json");
        var expected = DidReference.Cases[1];

        Assert.Equal("202603", json.GetProperty("adoption_period").GetString());
        Assert.Equal(expected.Clusters, json.GetProperty("clusters").GetInt32());
        // Tolerance 1e-8 relative, as in the engine's reference tests.
        AssertClose(expected.TwoByTwo, json.GetProperty("two_by_two"), "2x2");
        AssertClose(expected.Twfe, json.GetProperty("twfe"), "twfe");
        var events = json.GetProperty("event_study").EnumerateArray().ToList();
        foreach (var e in expected.EventStudy)
        {
            var k = e.RelativePeriod;
            AssertClose(e, events.Single(x => x.GetProperty("relative_period").GetInt32() == k).GetProperty("effect"), $"k={k}");
        }

        var reference = Assert.Single(events, e => e.GetProperty("reference").GetBoolean());
        Assert.Equal("202602", reference.GetProperty("period").GetString());
        Assert.True(json.GetProperty("pre_trend").GetProperty("flat").GetBoolean());
    }

    [Fact]
    public void Did_StaggeredUnbalanced_ExitsTwoWithTheReason()
    {
        var panel = Write("staggered.csv", "unit,period,treated,outcome\na,1,0,1\na,2,1,2\nb,1,0,1\nb,2,0,1\nb,3,1,3\nc,1,0,1\nc,2,0,1\nc,3,0,1\n");

        var (code, _, error) = CliRunner.Run("did", panel);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("staggered adoption needs a balanced panel", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Did_StaggeredBalanced_GroupTimeEffectsMatchStatsmodels()
    {
        var root = StaggeredReference.Value;
        var rows = root.Rows
            .Select(r => $"u{r.Unit},{r.Period},{(r.Treated ? 1 : 0)},{r.Y:R}");
        var panel = Write("staggered.csv", "unit,period,treated,outcome\n" + string.Join('\n', rows));
        var page = Path.Combine(Path.GetDirectoryName(panel)!, "staggered.html");

        var json = CliRunner.Json("did", panel, "--json", "--html", page);

        Assert.Equal("staggered", json.GetProperty("design").GetString());
        Assert.Equal(["3", "5", "6"], json.GetProperty("cohorts").EnumerateArray().Select(c => c.GetProperty("period").GetString()));
        Assert.Equal(root.Overall, json.GetProperty("overall").GetProperty("estimate").GetDouble(), 9);
        var cells = json.GetProperty("group_time").EnumerateArray().ToList();
        foreach (var c in root.GroupTime)
        {
            var actual = cells.Single(x => x.GetProperty("cohort").GetString() == c.Cohort.ToString(System.Globalization.CultureInfo.InvariantCulture)
                && x.GetProperty("period").GetString() == c.Period.ToString(System.Globalization.CultureInfo.InvariantCulture));
            ScratchFolder.AssertClose(actual.GetProperty("effect"), "ATT", 1e-9, ("estimate", c.Estimate), ("se", c.Se));
        }

        Assert.Contains("id=\"group-time\"", File.ReadAllText(page), StringComparison.Ordinal);
    }

    [Fact]
    public void Did_TreatmentSwitchedOff_NamesTheUnitAndPeriods()
    {
        var panel = Write("off.csv", "unit,period,treated,outcome\nalpha,1,0,1\nalpha,2,1,2\nalpha,3,0,1\nbeta,1,0,1\nbeta,2,0,1\nbeta,3,0,1\n");

        var (code, _, error) = CliRunner.Run("did", panel);

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("unit alpha is treated in period 2 but not in period 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Did_DatesAsPeriods_OrderedInTime()
    {
        var lines = new List<string> { "unit,period,treated,outcome" };
        var random = new Random(3);
        string[] days = ["2026-05-09", "2026-05-10", "2026-05-11", "2026-05-12"];
        for (var u = 0; u < 40; u++)
        {
            for (var t = 0; t < days.Length; t++)
            {
                var treated = u % 2 == 0 && t >= 2;
                lines.Add($"u{u},{days[t]},{(treated ? "true" : "false")},{(treated ? 1 : 0) + random.NextDouble():R}");
            }
        }

        var json = CliRunner.Json("did", Write("dates.csv", string.Join('\n', lines.Take(1).Concat(lines.Skip(1).Reverse()))), "--json");

        Assert.Equal("2026-05-11", json.GetProperty("adoption_period").GetString());
        Assert.Equal(["2026-05-09", "2026-05-10", "2026-05-11", "2026-05-12"], json.GetProperty("event_study").EnumerateArray().Select(e => e.GetProperty("period").GetString()));
    }

    [Fact]
    public void Did_PreTrendGate_ExitsOneWhenLeadsAreNotFlat()
    {
        var rows = DidReference.Cases[2].Rows
            .Select(r => $"{r.Unit},{r.Period},{(r.Treated ? 1 : 0)},{r.Y:R}");
        var panel = Write("trend.csv", "unit,period,treated,y\n" + string.Join('\n', rows));

        var (code, output, _) = CliRunner.Run("did", panel, "--outcome", "y", "--fail-on-pre-trend");

        Assert.Equal(ExitCodes.GateFailed, code);
        Assert.Contains("LEADS ARE NOT FLAT", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Did_Store_ReadsTheBriefsMetricPerUnitAndDay()
    {
        // Annual-plan customers get the change on 2026-05-05; it adds 30 points of resolution from then on.
        var lines = new List<string>();
        var random = new Random(17);
        for (var u = 0; u < 120; u++)
        {
            var id = $"c{u:D3}";
            var plan = u % 2 == 0 ? "annual" : "monthly";
            lines.Add($$$"""{"type":"exposure","experiment":"refund-query-rewrite","version":1,"unit_id":"{{{id}}}","arm":"control","timestamp":"2026-04-28T08:00:00Z","attributes":{"device":"mobile","plan":"{{{plan}}}"}}""");
            for (var day = 1; day <= 8; day++)
            {
                var lift = plan == "annual" && day >= 5 ? 0.3 : 0;
                if (random.NextDouble() < 0.35 + lift)
                {
                    lines.Add($$$"""{"type":"event","name":"conversation_solved","unit_id":"{{{id}}}","timestamp":"2026-05-{{{day:D2}}}T10:00:00Z","value":null,"properties":{},"idempotency_key":"{{{id}}}:{{{day}}}"}""");
                }
            }
        }

        var events = Write("events.ndjson", string.Join('\n', lines));
        var store = Path.Combine(Path.GetDirectoryName(events)!, "verdict.duckdb");
        Assert.Equal(0, CliRunner.Run("ingest", "--store", store, events).ExitCode);
        var brief = Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");

        var json = CliRunner.Json("did", "--store", store, "--brief", brief, "--metric", "resolved_conversation_rate", "--group", "plan",
            "--treated-values", "annual", "--adoption", "2026-05-05T00:00:00Z", "--json");

        Assert.Equal("resolved_conversation_rate", json.GetProperty("outcome").GetString());
        Assert.Equal("2026-05-05T00:00Z", json.GetProperty("adoption_period").GetString());
        Assert.Equal(60, json.GetProperty("treated_units").GetInt32());
        Assert.Equal(120 * 8, json.GetProperty("observations").GetInt32());
        var twfe = json.GetProperty("twfe");
        Assert.InRange(0.3, twfe.GetProperty("ci_low").GetDouble(), twfe.GetProperty("ci_high").GetDouble());
        Assert.Equal(["2026-05-01T00:00Z", "2026-05-02T00:00Z", "2026-05-03T00:00Z", "2026-05-04T00:00Z"],
            json.GetProperty("event_study").EnumerateArray().Where(e => e.GetProperty("relative_period").GetInt32() < 0).Select(e => e.GetProperty("period").GetString()));
        Assert.True(json.GetProperty("pre_trend").GetProperty("flat").GetBoolean());

        var (code, _, error) = CliRunner.Run("did", "--store", store, "--brief", brief, "--metric", "p95_latency", "--group", "plan", "--treated-values", "annual", "--adoption", "2026-05-05");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("a panel takes binary, count, sum and mean metrics", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unit,period,treated,outcome\na,1,maybe,1\n", "line 2: \"treated\" must be 0/1 or true/false")]
    [InlineData("unit,period,treated,outcome\na,1,0,\n", "line 2: missing \"outcome\"")]
    [InlineData("unit,period,treated,outcome\na,first,0,1\n", "\"period\" must be whole numbers or ISO dates")]
    [InlineData("unit,period,treated,outcome\na,1,0,1\na,1,0,2\n", "line 3: unit \"a\" already has a row for period \"1\" (bad.csv line 2)")]
    public void Did_BadPanel_ExitsTwoNamingTheLine(string text, string message)
    {
        var (code, _, error) = CliRunner.Run("did", Write("bad.csv", text));

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Did_Html_WritesTheEventStudyPage()
    {
        var page = Path.Combine(Path.GetDirectoryName(Write("x.txt", string.Empty))!, "did.html");

        var (code, _, error) = CliRunner.Run("did", Reference("panel_regions.csv"), "--cluster", "region", "--html", page);

        Assert.Equal(0, code);
        Assert.Contains("page written to", error, StringComparison.Ordinal);
        Assert.Contains("id=\"event-study\"", File.ReadAllText(page), StringComparison.Ordinal);
    }

    private static void AssertClose(EstimateBlock expected, JsonElement actual, string what) =>
        ScratchFolder.AssertClose(actual, what, 1e-8, ScratchFolder.Fields(expected, df: true));
}
