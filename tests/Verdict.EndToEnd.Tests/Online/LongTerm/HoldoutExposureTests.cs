using System.Text;
using Verdict.Assignment;
using Verdict.Experiments.Analysis.LongTerm;
using Verdict.Experiments.Briefs;
using Verdict.Server.Tests;

namespace Verdict.EndToEnd.Tests.Online.LongTerm;

/// <summary>
/// Held-out units through the online path: the middleware serves them control and the SDK logs one exposure of
/// <c>{key}/holdout</c> per unit, which the server stores only for a version whose brief has a holdout.
/// </summary>
public sealed class HoldoutExposureTests
{
    private static string WithHoldout(string yaml) =>
        LiveStack.ModelSwap(yaml).Replace("  daily_units: 1500\n", "  daily_units: 1500\n  holdout: {name: long-term, fraction: 0.3}\n", StringComparison.Ordinal);

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task HeldOutConversations_AreServedControl_AndLoggedAsHoldoutExposures(string engine)
    {
        await using var stack = await LiveStack.StartAsync(engine, brief: WithHoldout);
        stack.Llm.RecordCalls = true;
        var conversations = Enumerable.Range(0, 40).Select(i => $"conv-{i:00}").ToList();
        foreach (var conversation in conversations)
        {
            await stack.AskAsync(conversation, "Where is my refund?");
            await stack.AskAsync(conversation, "Thanks");
        }

        await stack.FlushAsync();
        var brief = stack.Server.Registry.Brief("refund-query-rewrite", 1)!;
        var assigner = new ExperimentAssigner(brief.ToAssignmentSpec());
        var heldOut = conversations.Where(c => assigner.Assign(c).Status == AssignmentStatus.HeldOut).ToList();
        Assert.InRange(heldOut.Count, 4, 24);

        var rows = Exposures(stack.Server.OpenStore);
        var holdoutRows = rows.Where(r => r.Experiment == HoldoutAnalysis.ExperimentKey(brief.Key)).ToList();
        Assert.Equal(heldOut, holdoutRows.Select(r => r.Unit));
        Assert.All(holdoutRows, r => Assert.Equal((HoldoutAnalysis.Arm, ReceiptHash.Of(brief.Control.Receipt)), (r.Arm, r.ReceiptHash)));
        Assert.Equal(conversations.Except(heldOut), rows.Where(r => r.Experiment == brief.Key).Select(r => r.Unit));
        // Served: every held-out conversation's two turns went to control's model, as did control's.
        var treated = rows.Count(r => r.Experiment == brief.Key && r.Arm == "treatment");
        Assert.Equal(2 * (conversations.Count - treated), stack.Llm.Calls.Count(c => c.Model == brief.Control.Receipt.Model));
        Assert.Equal(2 * treated, stack.Llm.Calls.Count(c => c.Model != brief.Control.Receipt.Model));
    }

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Events_HoldoutExposureOfABriefWithoutHoldout_IsRefused(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        await server.CreateAndStartAsync();
        var row = """{"type":"exposure","experiment":"refund-query-rewrite/holdout","version":1,"unit_id":"u1","arm":"holdout","timestamp":"2026-05-04T00:00:00Z","receipt_hash":null,"attributes":{}}""";

        var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent(row, Encoding.UTF8, "application/x-ndjson"), cancellationToken);

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(0, server.Count("exposures"));
    }

    private static List<(string Experiment, string Unit, string Arm, string? ReceiptHash)> Exposures(Func<Verdict.Storage.EventStore> open)
    {
        using var store = open();
        using var reader = store.Query("SELECT experiment, unit_id, arm, receipt_hash FROM exposures ORDER BY unit_id", []);
        var rows = new List<(string, string, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.IsDBNull(3) ? null : reader.GetString(3)));
        }

        return rows;
    }
}
