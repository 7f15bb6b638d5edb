using System.Globalization;
using System.Text;
using Verdict.Assignment;
using Verdict.Statistics;
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
                    // B's items are a little more attractive; attention decays down the list.
                    var p = (shown[position].Team == InterleavingTeam.B ? 0.30 : 0.22) / (1 + position);
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

    private static void Append(StringBuilder ndjson, string name, string user, string query, string? team, ref DateTimeOffset time)
    {
        time = time.AddSeconds(1);
        var at = time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var teamProperty = team is null ? string.Empty : $",\"team\":\"{team}\"";
        var key = $"{user}:{name}:{time.ToUnixTimeSeconds()}";
        ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"type":"event","name":"{{{name}}}","unit_id":"{{{user}}}","timestamp":"{{{at}}}","value":null,"properties":{"experiment":"search-ranker","query_id":"{{{query}}}"{{{teamProperty}}}},"idempotency_key":"{{{key}}}"}""").Append('\n');
    }
}
