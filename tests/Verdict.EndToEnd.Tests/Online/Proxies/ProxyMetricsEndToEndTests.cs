using System.Globalization;
using System.Text.Json;
using Verdict.AI.Feedback;
using Verdict.Arena.Tests.Server;
using Verdict.Server.Tests;

namespace Verdict.EndToEnd.Tests.Online.Proxies;

/// <summary>
/// The quality proxies end to end: simulated users of the model-swap experiment regenerate, rate and edit answers
/// through the SDK's feedback helpers; the server stores the events; the brief's proxy metrics (regeneration_rate,
/// edit_distance, thumbs) come out of the analysis equal to the same per-answer ratios computed directly from the
/// stored rows, and on the side of the simulated truth.
/// </summary>
public sealed class ProxyMetricsEndToEndTests
{
    private const string Experiment = "refund-query-rewrite";

    /// <summary>The model swap with the three proxies: thumbs up as primary, regenerations and edits as secondary metrics.</summary>
    private static string WithProxies(string yaml) => LiveStack.ModelSwap(yaml)
        .Replace("primary_metric: resolved_conversation_rate", "primary_metric: thumbs_up", StringComparison.Ordinal)
        .Replace("secondary_metrics: [cost_per_resolved_conversation, answer_tokens]",
            "secondary_metrics: [regenerations, edits, edit_share]\n\nmetrics:\n  regenerations:\n    type: regeneration_rate\n"
            + "  edits:\n    type: edit_distance\n  edit_share:\n    type: edit_distance\n    value: edit_ratio\n  thumbs_up:\n    type: thumbs\n    within: 30d\n",
            StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task ProxyMetrics_SimulatedUsers_AnalysisEqualsDirectRatios(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var stack = await LiveStack.StartAsync(engine, brief: WithProxies);
        stack.Llm.RecordCalls = false;
        stack.Llm.Responder = call => new ScriptedReply($"[{call.Model}] You can ask for a refund from your orders page within 30 days.");
        var random = new Random(1607);
        for (var i = 0; i < 240; i++)
        {
            var conversation = $"conv-{i:000}";
            var answer = (await stack.AskAsync(conversation, "Where is my refund?")).Text;
            var better = answer.StartsWith("[support-generator-v8]", StringComparison.Ordinal);
            // Truth: v8's answers are regenerated less (10 % vs 30 %), rated up more (70 % vs 45 %) and edited less.
            if (random.NextDouble() < (better ? 0.10 : 0.30))
            {
                Assert.True(stack.Verdict.TrackRegeneration(conversation));
                answer = (await stack.AskAsync(conversation, "Where is my refund?")).Text;
            }

            if (random.NextDouble() < 0.8)
            {
                Assert.True(stack.Verdict.TrackThumbs(conversation, random.NextDouble() < (better ? 0.70 : 0.45)));
            }

            var final = answer;
            for (var edit = random.Next(better ? 3 : 8); edit > 0; edit--)
            {
                var at = random.Next(final.Length);
                final = final.Remove(at, 1).Insert(at, random.NextDouble() < 0.5 ? "x" : "yz");
            }

            Assert.True(stack.Verdict.TrackAnswerEdit(conversation, answer, final));
        }

        await stack.FlushAsync();
        var results = await ServerHarness.JsonAsync(await stack.Server.Reader.GetAsync($"/api/v1/experiments/{Experiment}/results", cancellationToken));

        // The same ratios straight from the stored rows: Σ over an arm's units of the numerator over Σ of the denominator.
        var armOf = StoreRows.Exposures(stack.Server.OpenStore).ToDictionary(e => e.Unit, e => e.Arm);
        var answers = PerArm(stack, "llm_call", armOf, _ => 1);
        var regenerations = PerArm(stack, "regenerate", armOf, _ => 1);
        var edits = PerArm(stack, "answer_edited", armOf, _ => 1);
        var distance = PerArm(stack, "answer_edited", armOf, p => Number(p, "edit_distance"));
        var ratio = PerArm(stack, "answer_edited", armOf, p => Number(p, "edit_ratio"));
        var rated = PerArm(stack, "feedback", armOf, _ => 1);
        var up = PerArm(stack, "feedback", armOf, p => p.GetProperty("rating").GetString() == "up" ? 1 : 0);

        var thumbs = results.GetProperty("primary");
        var secondary = results.GetProperty("secondary").EnumerateArray().ToDictionary(m => m.GetProperty("metric").GetString()!);
        foreach (var arm in new[] { "control", "treatment" })
        {
            var side = arm + "_value";
            Assert.Equal(up[arm] / rated[arm], thumbs.GetProperty(side).GetDouble(), 12);
            Assert.Equal(regenerations[arm] / answers[arm], secondary["regenerations"].GetProperty(side).GetDouble(), 12);
            Assert.Equal(distance[arm] / edits[arm], secondary["edits"].GetProperty(side).GetDouble(), 12);
            Assert.Equal(ratio[arm] / edits[arm], secondary["edit_share"].GetProperty(side).GetDouble(), 12);
        }

        Assert.Equal("thumbs_up", thumbs.GetProperty("metric").GetString());
        Assert.Equal("ratio", thumbs.GetProperty("type").GetString());
        Assert.Equal("proportion", thumbs.GetProperty("unit").GetString());
        Assert.True(thumbs.GetProperty("treatment_value").GetDouble() > thumbs.GetProperty("control_value").GetDouble());
        Assert.True(secondary["regenerations"].GetProperty("treatment_value").GetDouble() < secondary["regenerations"].GetProperty("control_value").GetDouble());
        Assert.True(secondary["edits"].GetProperty("treatment_value").GetDouble() < secondary["edits"].GetProperty("control_value").GetDouble());
        Assert.Equal(240, edits.Values.Sum());
    }

    private static double Number(JsonElement properties, string name) =>
        double.Parse(properties.GetProperty(name).GetString()!, CultureInfo.InvariantCulture);

    private static Dictionary<string, double> PerArm(LiveStack stack, string name, Dictionary<string, string> armOf, Func<JsonElement, double> value)
    {
        var sums = new Dictionary<string, double> { ["control"] = 0, ["treatment"] = 0 };
        foreach (var (unit, _, properties) in StoreRows.Events(stack.Server.OpenStore, name))
        {
            using var json = JsonDocument.Parse(properties);
            sums[armOf[unit]] += value(json.RootElement);
        }

        return sums;
    }
}
