using System.Globalization;
using System.Text;
using Verdict.Assignment.Interleaving;
using Verdict.Statistics.Interleaving;
using Xunit;

namespace Verdict.Cli.Tests.Interleaving;

/// <summary>
/// <c>verdict interleaving merge / analyze</c>: lists come from the pure assigner, impressions and clicks go through
/// NDJSON into DuckDB, and the store's per-query and per-user answers match the same analysis done in memory.
/// </summary>
public sealed class InterleavingCommandsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-interleaving-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void Merge_Json_IsTheAssignersList()
    {
        var result = CliRunner.Json("interleaving", "merge", "--salt", "search-ranker:v1", "--unit", "user-1", "--query", "q-7",
            "--a", "sony,sennheiser,audio-technica,jbl,anker", "--b", "bose,sony,apple,anker,jabra", "--length", "5", "--json");
        var expected = new InterleavingAssigner("search-ranker:v1").Interleave("user-1", "q-7", ["sony", "sennheiser", "audio-technica", "jbl", "anker"], ["bose", "sony", "apple", "anker", "jabra"], 5);
        Assert.Equal(expected.Select(e => e.Item), result.GetProperty("items").EnumerateArray().Select(x => x.GetString()));
        Assert.Equal(expected.Select(e => e.Team.ToString()), result.GetProperty("teams").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Analyze_IngestedClicks_MatchesInMemoryAnalysis()
    {
        var (store, users) = Ingested(0.30);
        var result = CliRunner.Json("interleaving", "analyze", "--experiment", "search-ranker", "--store", store, "--json");
        var total = users.Aggregate(default(InterleavingTally), (x, y) => x + y);
        Assert.Equal(60, result.GetProperty("users").GetInt64());
        Assert.Equal(total.WinsA, result.GetProperty("wins_a").GetInt64());
        Assert.Equal(total.WinsB, result.GetProperty("wins_b").GetInt64());
        Assert.Equal(total.Ties, result.GetProperty("ties").GetInt64());
        var plain = InterleavingPreference.Analyze(total);
        var clustered = InterleavingPreference.AnalyzeClustered(users);
        Assert.Equal(plain.PValue, result.GetProperty("per_query").GetProperty("p_value").GetDouble(), 12);
        Assert.Equal(clustered.StandardError, result.GetProperty("per_user").GetProperty("standard_error").GetDouble(), 12);
        Assert.Equal(clustered.CiLow, result.GetProperty("per_user").GetProperty("ci_low").GetDouble(), 12);
    }

    [Theory]
    [InlineData(0.60, "SHIP")]
    [InlineData(0.22, "HOLD")]
    [InlineData(0.05, "ROLL BACK")]
    public void AnalyzeBrief_Interleaving_IsThePreferenceVerdict(double attractionB, string decision)
    {
        var (store, users) = Ingested(attractionB);
        var brief = WriteBrief(plan: true);

        var (code, output, error) = CliRunner.Run("analyze", brief, "--store", store, "--json", "--fail-on-not-ship");
        Assert.True(code == (decision == "SHIP" ? 0 : 1), error);
        var result = System.Text.Json.JsonDocument.Parse(output).RootElement;
        var clustered = InterleavingPreference.AnalyzeClustered(users);
        Assert.Equal("interleaving", result.GetProperty("design").GetString());
        Assert.Equal(decision, result.GetProperty("decision").GetString());
        Assert.Equal("team_draft", result.GetProperty("method").GetString());
        Assert.Equal(("control", "treatment"), (result.GetProperty("team_a").GetString(), result.GetProperty("team_b").GetString()));
        Assert.Equal(60, result.GetProperty("units").GetInt64());
        Assert.Equal(clustered.ShareB, result.GetProperty("per_unit").GetProperty("share_b").GetDouble(), 12);
        Assert.Equal(clustered.CiHigh, result.GetProperty("per_unit").GetProperty("ci_high").GetDouble(), 12);
        Assert.Equal(decision == "SHIP", clustered.CiLow > 0.5);
        Assert.Equal(decision == "ROLL BACK", clustered.CiHigh < 0.5);

        var console = CliRunner.Run("analyze", brief, "--store", store);
        Assert.Equal(0, console.ExitCode);
        Assert.Contains("decision: " + decision, console.Out, StringComparison.Ordinal);
        Assert.Contains("preference share", console.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void AnalyzeBrief_InterleavingWithoutLock_IsRefusedOrInvalid()
    {
        var (store, _) = Ingested(0.60);
        var brief = WriteBrief(plan: false);
        var refused = CliRunner.Run("analyze", brief, "--store", store, "--json");
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("has no lock", refused.Error, StringComparison.Ordinal);
        var unlocked = CliRunner.Json("analyze", brief, "--store", store, "--json", "--unlocked");
        Assert.Equal("INVALID", unlocked.GetProperty("decision").GetString());
        Assert.Equal("registered plan", unlocked.GetProperty("checks")[0].GetProperty("name").GetString());
        var markdown = CliRunner.Run("analyze", brief, "--store", store, "--markdown", "--unlocked");
        Assert.Equal(2, markdown.ExitCode);
        Assert.Contains("--markdown", markdown.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportBrief_Interleaving_WritesOneHtmlWithTheVerdict()
    {
        var (store, users) = Ingested(0.60);
        var brief = WriteBrief(plan: true);
        var html = Path.Combine(folder, "report.html");

        var result = CliRunner.Json("report", brief, "--store", store, "--out", html, "--json");
        Assert.Equal("SHIP", result.GetProperty("decision").GetString());
        var lockHash = result.GetProperty("lock_hash").GetString()!;
        var page = File.ReadAllText(html);
        Assert.Contains("search-ranker v1: team-draft interleaving", page, StringComparison.Ordinal);
        Assert.Contains("Verdict: SHIP", page, StringComparison.Ordinal);
        Assert.Contains("preference share", page, StringComparison.Ordinal);
        Assert.Contains(lockHash, page, StringComparison.Ordinal);
        var clustered = InterleavingPreference.AnalyzeClustered(users);
        Assert.Contains(clustered.CiLow.ToString("0.00%", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
        Assert.Equal(2, page.Split("<svg", StringSplitOptions.None).Length - 1);

        var png = CliRunner.Run("report", brief, "--store", store, "--out", html, "--png", folder);
        Assert.Equal(2, png.ExitCode);
        Assert.Contains("--png", png.Error, StringComparison.Ordinal);
    }

    /// <summary>Writes the interleaving brief into the folder and, with <paramref name="plan"/>, locks it; returns its path.</summary>
    private string WriteBrief(bool plan)
    {
        var brief = Path.Combine(folder, "brief.yaml");
        File.WriteAllText(brief, BriefText);
        if (plan)
        {
            Assert.Equal(0, CliRunner.Run("plan", brief).ExitCode);
        }

        return brief;
    }

    private const string BriefText = """
        key: search-ranker
        version: 1
        owner: search-team
        hypothesis: Users prefer the re-ranked results to the current ranking.
        change:
          field: retrieval_index
        unit:
          randomization: user
          id: user_id
        eligibility:
          enrollment_event: interleaving_impression
        arms:
          - name: control
            control: true
            weight: 0.5
            receipt:
              retrieval_index: ranker-v1
          - name: treatment
            weight: 0.5
            receipt:
              retrieval_index: ranker-v2
        traffic:
          exposure: 1.0
          daily_units: 1000
        metrics:
          clicked:
            type: binary
            event: interleaving_click
            within: 1d
            unit: proportion
        primary_metric: clicked
        analysis:
          baseline: 0.4
          mde: 5pp
          minimum_ship_lift: 5pp
        interleaving:
          method: team_draft
        """;

    /// <summary>
    /// 60 users' interleaved queries (lists from the pure assigner), clicked with B's items <paramref name="attractionB"/>
    /// attractive against A's 0.22, attention decaying down the list; ingested into a DuckDB store. Returns the per-user tallies.
    /// </summary>
    private (string Store, List<InterleavingTally> Users) Ingested(double attractionB)
    {
        var assigner = new InterleavingAssigner("search-ranker:v1");
        var random = new Random(31);
        var ndjson = new StringBuilder();
        var users = new List<InterleavingTally>();
        var time = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        string[] a = ["d1", "d2", "d3", "d4", "d5", "d6"], b = ["d2", "d7", "d1", "d8", "d9", "d3"];
        for (var u = 0; u < 60; u++)
        {
            var user = $"user-{u:D3}";
            var tally = default(InterleavingTally);
            for (var q = 0; q < 1 + random.Next(10); q++)
            {
                var query = $"{user}-q{q}";
                var shown = assigner.Interleave(user, query, a, b, 6);
                Append(ndjson, "interleaving_impression", user, query, null, ref time);
                int creditA = 0, creditB = 0;
                for (var position = 0; position < shown.Count; position++)
                {
                    var p = (shown[position].Team == InterleavingTeam.B ? attractionB : 0.22) / (1 + position);
                    if (random.NextDouble() < p)
                    {
                        Append(ndjson, "interleaving_click", user, query, shown[position].Team.ToString(), ref time);
                        creditA += shown[position].Team == InterleavingTeam.A ? 1 : 0;
                        creditB += shown[position].Team == InterleavingTeam.B ? 1 : 0;
                    }
                }

                tally += InterleavingTally.Of(InterleavingTally.Outcome(creditA, creditB));
            }

            users.Add(tally);
        }

        var file = Path.Combine(folder, "clicks.ndjson");
        File.WriteAllText(file, ndjson.ToString());
        var store = Path.Combine(folder, "verdict.duckdb");
        Assert.Equal(0, CliRunner.Run("ingest", "--store", store, file).ExitCode);
        return (store, users);
    }

    private static void Append(StringBuilder ndjson, string name, string user, string query, string? team, ref DateTimeOffset time)
    {
        time = time.AddSeconds(1);
        var at = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var teamProperty = team is null ? string.Empty : $",\"team\":\"{team}\"";
        var key = $"{user}:{name}:{time.ToUnixTimeSeconds()}";
        ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"type":"event","name":"{{{name}}}","unit_id":"{{{user}}}","timestamp":"{{{at}}}","value":null,"properties":{"experiment":"search-ranker","query_id":"{{{query}}}"{{{teamProperty}}}},"idempotency_key":"{{{key}}}"}""").Append('\n');
    }
}
