using System.Globalization;
using System.Text.Json;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Tests.OffPolicy;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary><c>verdict ope</c>: reads logged decisions, finds the candidate policy and prints the documented JSON.</summary>
public sealed class OpeCommandTests : IDisposable
{
    private readonly ScratchFolder scratch = new();

    private static string Reference(string file) => ScratchFolder.Reference("ope", file);

    public void Dispose() => scratch.Dispose();

    private string Write(string name, string text) => scratch.Write(name, text);

    [Fact]
    public void Ope_ReferenceDecisions_JsonMatchesNumpyAndStatsmodels()
    {
        var json = CliRunner.Json("ope", Reference("decisions.ndjson"), "--json", "--bootstrap", "200");
        var expected = OffPolicyReference.Value.Cases[0];

        Assert.Equal(1500, json.GetProperty("decisions").GetInt32());
        Assert.Equal("decisions", json.GetProperty("candidate_source").GetString());
        Assert.Equal(["premium", "tenure"], json.GetProperty("features").EnumerateArray().Select(f => f.GetString()));
        var estimates = json.GetProperty("estimates").EnumerateArray().ToDictionary(e => e.GetProperty("estimator").GetString()!);
        foreach (var (name, value, versusLogged) in new[] { ("ips", expected.Ips, expected.IpsVersusLogged), ("snips", expected.Snips, expected.SnipsVersusLogged), ("dr", expected.Dr, expected.DrVersusLogged) })
        {
            // Tolerance 1e-9 relative: the same closed forms; the NDJSON carries the reference's numbers exactly.
            AssertClose(value, estimates[name].GetProperty("value"), name);
            AssertClose(versusLogged, estimates[name].GetProperty("versus_logged"), name + " vs logged");
            Assert.True(estimates[name].GetProperty("bootstrap_ci_low").GetDouble() < estimates[name].GetProperty("bootstrap_ci_high").GetDouble());
        }

        AssertClose(expected.Logged, json.GetProperty("logged"), "logged");
        Assert.Equal(expected.EffectiveSampleSize, json.GetProperty("weights").GetProperty("effective_sample_size").GetDouble(), 1e-8);
        Assert.Equal(1500, json.GetProperty("weights").GetProperty("histogram").EnumerateArray().Sum(b => b.GetProperty("count").GetInt32()));
        Assert.False(json.TryGetProperty("clipping", out _));
    }

    [Fact]
    public void Ope_WeightsAndBrief_CandidateIsTheStaticSplit()
    {
        var lines = new List<string> { "action,propensity,reward" };
        var random = new Random(9);
        for (var i = 0; i < 400; i++)
        {
            var treated = random.NextDouble() < 0.5;
            var reward = random.NextDouble() < (treated ? 0.6 : 0.4) ? 1 : 0;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{(treated ? "treatment" : "control")},0.5,{reward}"));
        }

        var decisions = Write("decisions.csv", string.Join('\n', lines));
        var brief = Path.Combine(AppContext.BaseDirectory, "Examples", "brief.yaml");
        var fromBrief = CliRunner.Json("ope", decisions, "--brief", brief, "--json", "--bootstrap", "0");
        var allTreatment = CliRunner.Json("ope", decisions, "--weights", "control=0,treatment=1", "--json", "--bootstrap", "0");

        // The brief's 50/50 split is the logger itself: every weight is 1 and IPS is the mean reward.
        Assert.Equal("brief", fromBrief.GetProperty("candidate_source").GetString());
        var ips = fromBrief.GetProperty("estimates")[0].GetProperty("value").GetProperty("estimate").GetDouble();
        Assert.Equal(fromBrief.GetProperty("logged").GetProperty("estimate").GetDouble(), ips, 12);
        Assert.Equal(1, fromBrief.GetProperty("weights").GetProperty("max").GetDouble(), 12);

        // Always-treatment IPS is twice the mean reward of treated decisions over all decisions.
        var treatedRewards = lines.Skip(1).Where(l => l.StartsWith("treatment", StringComparison.Ordinal)).Sum(l => double.Parse(l.Split(',')[2], CultureInfo.InvariantCulture));
        Assert.Equal(2 * treatedRewards / 400, allTreatment.GetProperty("estimates")[0].GetProperty("value").GetProperty("estimate").GetDouble(), 12);
    }

    [Fact]
    public void Ope_PolicyFileById_MissingPropensityIsADiagnostic()
    {
        var decisions = Write("decisions.ndjson", """
            {"id": "a", "action": "x", "propensity": 0.5, "reward": 1}
            {"id": "b", "action": "y", "propensity": 0.5, "reward": 0}
            {"id": "c", "action": "x", "propensity": null, "reward": 1}
            {"id": "d", "action": "y", "propensity": 0.5, "reward": 1}
            """);
        var policy = Write("policy.csv", "id,candidate.x,candidate.y\na,0.9,0.1\nb,0.9,0.1\nc,0.5,0.5\nd,0.2,0.8\n");

        var json = CliRunner.Json("ope", decisions, "--policy", policy, "--json", "--bootstrap", "0", "--folds", "1");

        Assert.Equal("policy file", json.GetProperty("candidate_source").GetString());
        Assert.Equal(3, json.GetProperty("decisions").GetInt32());
        Assert.Equal(1, json.GetProperty("dropped").GetInt32());
        Assert.Contains(json.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("code").GetString() == nameof(DiagnosticCode.MissingPropensity));
        // IPS = (1.8·1 + 0.2·0 + 1.6·1) / 3.
        Assert.Equal(3.4 / 3, json.GetProperty("estimates")[0].GetProperty("value").GetProperty("estimate").GetDouble(), 12);
    }

    [Theory]
    [InlineData("{\"action\": \"x\", \"propensity\": \"high\", \"reward\": 1, \"candidate\": {\"x\": 1}}", "line 1: \"propensity\" is not a number")]
    [InlineData("{\"propensity\": 0.5, \"reward\": 1, \"candidate\": {\"x\": 1}}", "line 1: missing \"action\"")]
    [InlineData("{\"action\": \"x\", \"propensity\": 0.5, \"reward\": 1}", "line 1: no candidate probabilities")]
    [InlineData("{\"action\": \"x\", \"propensity\": 0.5, \"reward\": 1, \"candidate\": {\"x\": 1.5}}", "candidate.x must be a probability")]
    public void Ope_BadDecision_ExitsTwoNamingTheLine(string line, string message)
    {
        var (code, _, error) = CliRunner.Run("ope", Write("bad.ndjson", line), "--json");

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ope_TwoCandidateSources_ExitsTwo()
    {
        var (code, _, error) = CliRunner.Run("ope", Reference("decisions.ndjson"), "--weights", "a=1", "--policy", "p.json");

        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("at most one of --policy, --brief and --weights", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Ope_Human_PrintsTableAndClippingBias()
    {
        var (code, output, _) = CliRunner.Run("ope", Reference("decisions.ndjson"), "--max-weight", "3", "--bootstrap", "0");

        Assert.Equal(0, code);
        Assert.Contains("snips", output, StringComparison.Ordinal);
        Assert.Contains("IPS bias from clipping", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ope_Html_WritesThePageAndSaysWhere()
    {
        var page = Path.Combine(Path.GetDirectoryName(Write("x.txt", string.Empty))!, "ope.html");

        var (code, _, error) = CliRunner.Run("ope", Reference("decisions.ndjson"), "--html", page, "--bootstrap", "0", "--json");

        Assert.Equal(0, code);
        Assert.Contains($"page written to {page}", error, StringComparison.Ordinal);
        Assert.Contains("id=\"ope-weights\"", File.ReadAllText(page), StringComparison.Ordinal);
    }

    private static void AssertClose(EstimateBlock expected, JsonElement actual, string what) =>
        ScratchFolder.AssertClose(actual, what, 1e-9, ScratchFolder.Fields(expected));
}
