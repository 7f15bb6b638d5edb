using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.AI;
using Verdict.Arena.Tests.Server;

namespace Verdict.EndToEnd.Tests.Online.Ladder;

/// <summary>The ladder's shadow stage switches the middleware's shadow mode on through the served config, and an advance switches it off.</summary>
public sealed class ShadowStageTests
{
    private static string ShadowThenCanary(string yaml) => LiveStack.ModelSwap(yaml).Replace("  exposure: 1.0\n  stage: ab\n", string.Empty, StringComparison.Ordinal) + """

        stages:
          - {name: shadow, kind: shadow, exposure: 1.0, gate: {min_duration: 30d}}
          - {name: canary, kind: canary, exposure: 1.0}

        """;

    [Fact]
    public async Task ShadowStage_ServesControlAndLogsPairs_UntilTheLadderAdvances()
    {
        await using var stack = await LiveStack.StartAsync(brief: ShadowThenCanary);
        stack.Llm.Responder = call => new ScriptedReply($"{call.Model}: {call.User}");
        Assert.Equal("shadow", stack.Verdict.Config.Experiments["refund-query-rewrite"].Config.Stage);

        // Shadow stage, without the middleware's Shadow option: everyone gets control's model; the treatment runs unseen.
        var units = Enumerable.Range(0, 6).Select(i => $"conv-{i}").ToList();
        foreach (var unit in units)
        {
            Assert.Equal("support-generator-v7: refund?", (await stack.AskAsync(unit, "refund?")).Text);
        }

        var middleware = stack.Chat.GetService<ExperimentChatClient>()!;
        for (var i = 0; i < 400 && !(stack.Llm.Calls.Count == 12 && middleware.ShadowCallsInFlight == 0); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        // An admin advances to the canary stage; the SDK picks it up through the ETag and serves each unit its arm.
        var before = stack.Verdict.Config;
        var advanced = await stack.Server.Admin.PostAsJsonAsync("/api/v1/experiments/refund-query-rewrite/advance", new { to = "canary", reason = "shadow pairs reviewed" }, TestContext.Current.CancellationToken);
        Assert.Equal(200, (int)advanced.StatusCode);
        stack.Server.Time.Advance(TimeSpan.FromSeconds(31));
        for (var i = 0; i < 400 && ReferenceEquals(before, stack.Verdict.Config); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal("canary", stack.Verdict.Config.Experiments["refund-query-rewrite"].Config.Stage);
        var treated = units.Where(u => stack.Verdict.Assign("refund-query-rewrite", u).ArmName == "treatment").ToList();
        Assert.NotEmpty(treated);
        Assert.Equal("support-generator-v8: refund?", (await stack.AskAsync(treated[0], "refund?")).Text);
        await stack.FlushAsync();

        var shadow = StoreRows.Events(stack.Server.OpenStore, "shadow_call").Select(e => JsonDocument.Parse(e.Properties).RootElement).ToList();
        Assert.Equal(12, shadow.Count);
        Assert.Equal(6, shadow.Select(r => r.GetProperty("shadow_pair").GetString()).Distinct().Count());
        Assert.Single(StoreRows.Exposures(stack.Server.OpenStore));
    }
}
