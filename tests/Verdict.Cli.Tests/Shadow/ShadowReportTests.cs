using System.Globalization;
using System.Text;
using System.Text.Json;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Cli.Tests.Shadow;

/// <summary><c>verdict shadow report</c> over a DuckDB file of seeded <c>shadow_call</c> events, with a scripted judge on loopback (docs/cli.md).</summary>
public sealed class ShadowReportTests : IDisposable
{
    private const int Pairs = 60;
    private readonly ScratchFolder scratch = new();
    private readonly string briefPath;
    private readonly string storePath;
    private readonly List<(double Control, double Treatment, bool Cold, bool ControlError, bool TreatmentError)> truth = [];

    public ShadowReportTests()
    {
        var examples = Path.Combine(AppContext.BaseDirectory, "Examples");
        scratch.Write("metrics.yaml", File.ReadAllText(Path.Combine(examples, "metrics.yaml")));
        scratch.Write("brief.lock.json", File.ReadAllText(Path.Combine(examples, "brief.lock.json")));
        briefPath = scratch.Write("brief.yaml", File.ReadAllText(Path.Combine(examples, "brief.yaml")));
        storePath = Path.Combine(Path.GetDirectoryName(briefPath)!, "verdict.duckdb");

        // Seeded pairs: the treatment is ~100 ms slower, the first pair is a cold start (+2 s on both), 3 treatment-only
        // errors and 1 control-only error; 2 control calls whose treatment call never came; another experiment's call.
        var random = new Random(1401);
        var lines = new StringBuilder();
        var at = new DateTimeOffset(2026, 6, 1, 9, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Pairs + 2; i++)
        {
            var cold = i == 0;
            var control = 900 + (random.NextDouble() * 80) + (cold ? 2000 : 0);
            var treatment = control + 100 + ((random.NextDouble() - 0.5) * 60);
            var (controlError, treatmentError) = (i == 7, i is 11 or 23 or 41);
            var pair = $"pair-{i:D3}";
            lines.Append(Line(pair, "control", at.AddSeconds(i), control, cold, controlError, "We can refund within 30 days.")).Append('\n');
            if (i < Pairs)
            {
                truth.Add((control, treatment, cold, controlError, treatmentError));
                lines.Append(Line(pair, "treatment", at.AddSeconds(i), treatment, cold, treatmentError, "We can refund within 30 days, as policy 4.2 says.")).Append('\n');
            }
        }

        lines.Append(Line("other-1", "control", at, 5, false, false, "x").Replace("refund-query-rewrite", "another-experiment", StringComparison.Ordinal)).Append('\n');
        var events = scratch.Write("shadow.ndjson", lines.ToString());
        Assert.Equal(0, CliRunner.Run("ingest", events, "--store", storePath).ExitCode);
    }

    public void Dispose() => scratch.Dispose();

    [Fact]
    public void Report_SeededPairs_ComparesWarmAndColdApartWithErrorsAndCost()
    {
        var report = CliRunner.Json("shadow", "report", briefPath, "--store", storePath, "--json");
        Assert.Equal(Pairs * 2 + 2, report.GetProperty("calls").GetInt64());
        Assert.False(report.TryGetProperty("judge", out _));
        var arm = Assert.Single(report.GetProperty("arms").EnumerateArray());
        Assert.Equal(("treatment", Pairs, 2), (arm.GetProperty("arm").GetString(), arm.GetProperty("pairs").GetInt32(), arm.GetProperty("unpaired").GetInt32()));

        // Warm: the pairs where both answered and neither was cold; the mean of the per-pair differences, recomputed here.
        var warm = truth.Where(t => !t.Cold && !t.ControlError && !t.TreatmentError).ToList();
        var latency = arm.GetProperty("warm_latency");
        Assert.Equal(warm.Count, latency.GetProperty("pairs").GetInt32());
        var difference = latency.GetProperty("difference").GetProperty("difference");
        Assert.Equal(warm.Average(t => t.Treatment - t.Control), difference.GetProperty("value").GetDouble(), 9);
        Assert.Equal(warm.Average(t => t.Control), latency.GetProperty("control_mean_ms").GetDouble(), 9);
        Assert.InRange(100, difference.GetProperty("ci_low").GetDouble(), difference.GetProperty("ci_high").GetDouble());
        Assert.True(difference.GetProperty("p_value").GetDouble() < 1e-6);

        // The cold start is kept apart: one pair, two seconds slower on both sides than any warm call.
        var cold = arm.GetProperty("cold_latency");
        Assert.Equal(1, cold.GetProperty("pairs").GetInt32());
        Assert.True(cold.GetProperty("control_mean_ms").GetDouble() > 2800);

        var errors = arm.GetProperty("errors");
        Assert.Equal((3, 1), (errors.GetProperty("discordant").GetProperty("positive").GetInt32(), errors.GetProperty("discordant").GetProperty("negative").GetInt32()));
        Assert.Equal(3.0 / Pairs, errors.GetProperty("treatment_rate").GetProperty("proportion").GetDouble(), 12);
        Assert.Equal(0, arm.GetProperty("cost").GetProperty("pairs").GetInt32());

        var (code, text, _) = CliRunner.Run("shadow", "report", briefPath, "--store", storePath);
        Assert.Equal(0, code);
        Assert.Contains($"treatment vs control: {Pairs} pair(s), 2 control call(s) without a treatment call", text, StringComparison.Ordinal);
        Assert.Contains("latency, cold start (1 pairs)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_WithAJudge_AsksBothOrdersAndCountsPreferenceAndPositionBias()
    {
        await using var judge = await ScriptedOpenAIServer.StartAsync();

        // A judge that prefers the answer citing the policy, wherever it is shown: the treatment wins every pair.
        judge.Responder = call => new ScriptedReply(Winner(call.User.IndexOf("policy 4.2", StringComparison.Ordinal) < call.User.IndexOf("Response 2:", StringComparison.Ordinal) ? "1" : "2"));
        var report = CliRunner.Json("shadow", "report", briefPath, "--store", storePath, "--json", "--judge-endpoint", judge.BaseUrl, "--judge-model", "judge-7b", "--judge-pairs", "10");
        var preference = report.GetProperty("arms")[0].GetProperty("preference");
        Assert.Equal((10, 10, 0, 0), (preference.GetProperty("judged").GetInt32(), preference.GetProperty("treatment_wins").GetInt32(), preference.GetProperty("ties").GetInt32(), preference.GetProperty("position_inconsistent").GetInt32()));
        Assert.True(preference.GetProperty("sign_test").GetProperty("p_value").GetDouble() < 0.01);
        Assert.Equal(20, judge.ChatCalls);
        Assert.All(judge.Calls, c => Assert.Equal("judge-7b", c.Model));
        Assert.Equal(10, judge.Calls.Count(c => c.User.IndexOf("policy 4.2", StringComparison.Ordinal) < c.User.IndexOf("Response 2:", StringComparison.Ordinal)));

        // A judge that always picks the first response: every pair is position-inconsistent, so a tie.
        judge.Responder = _ => new ScriptedReply(Winner("1"));
        preference = CliRunner.Json("shadow", "report", briefPath, "--store", storePath, "--json", "--judge-endpoint", judge.BaseUrl, "--judge-model", "judge-7b", "--judge-pairs", "5")
            .GetProperty("arms")[0].GetProperty("preference");
        Assert.Equal((5, 0, 5, 5), (preference.GetProperty("judged").GetInt32(), preference.GetProperty("treatment_wins").GetInt32(), preference.GetProperty("ties").GetInt32(), preference.GetProperty("position_inconsistent").GetInt32()));

        // Out-of-format replies are counted as failed, not judged.
        judge.Responder = _ => new ScriptedReply("I prefer the first one.");
        preference = CliRunner.Json("shadow", "report", briefPath, "--store", storePath, "--json", "--judge-endpoint", judge.BaseUrl, "--judge-model", "judge-7b", "--judge-pairs", "3")
            .GetProperty("arms")[0].GetProperty("preference");
        Assert.Equal((0, 3), (preference.GetProperty("judged").GetInt32(), preference.GetProperty("failed").GetInt32()));
    }

    [Theory]
    [InlineData("--judge-model", "m", "--judge-model: give --judge-endpoint too")]
    [InlineData("--judge-endpoint", "ftp://x", "--judge-endpoint: expected an http(s) URL")]
    [InlineData("--limit", "0", "--limit: must be at least 1, got 0")]
    public void Report_BadOptions_ExitTwoSayingWhy(string option, string value, string expected)
    {
        var (code, _, error) = CliRunner.Run("shadow", "report", briefPath, "--store", storePath, option, value);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    private static string Winner(string position) => $$"""{"winner": "{{position}}", "reason": "cites the policy"}""";

    private static string Line(string pair, string arm, DateTimeOffset at, double latency, bool cold, bool error, string output)
    {
        var ms = latency.ToString("R", CultureInfo.InvariantCulture);
        return $$"""{"type":"event","name":"shadow_call","unit_id":"conv-{{pair}}","timestamp":"{{at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)}}","value":{{ms}},"properties":{"experiment":"refund-query-rewrite","version":1,"arm":"{{arm}}","latency_ms":{{ms}},"error":"{{(error ? "TimeoutException" : string.Empty)}}","shadow_pair":"{{pair}}","cold":"{{(cold ? "true" : "false")}}","output":"{{(error ? string.Empty : output)}}"},"idempotency_key":"{{pair}}-{{arm}}"}""";
    }
}
