using System.Text.Json;
using Microsoft.Extensions.AI;
using Verdict.AI;
using Verdict.AI.Guardrails;
using Verdict.Arena.Tests.Server;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>Inline guardrails (replace, block, log) and shadow mode, through the whole stack.</summary>
public sealed class GuardrailAndShadowTests
{
    [Fact]
    public async Task Guardrails_ReplaceAndBlock_ChangeTheAnswer_AndEveryTriggerIsAnEvent()
    {
        const string Schema = """{"type":"object","required":["answer"],"properties":{"answer":{"type":"string"}}}""";
        await using var stack = await LiveStack.StartAsync(middleware: o => o with
        {
            Guardrails = [new PiiGuardrail(), JsonSchemaGuardrail.FromJson(Schema, GuardrailAction.Block, """{"answer":"Sorry, I cannot answer that."}""")],
        });
        stack.Llm.Enqueue(new ScriptedReply("""{"answer":"Write to jane.doe@example.com"}"""), new ScriptedReply("not json at all"), new ScriptedReply("""{"answer":"Refund approved"}"""));

        var masked = await stack.AskAsync("conv-g", "who do I contact?");
        var blocked = await stack.AskAsync("conv-g", "and then?");
        var clean = await stack.AskAsync("conv-g", "ok");

        Assert.Equal("""{"answer":"Write to [redacted]"}""", masked.Text);
        Assert.Equal(("""{"answer":"Sorry, I cannot answer that."}""", ChatFinishReason.ContentFilter), (blocked.Text, blocked.FinishReason));
        Assert.Equal("""{"answer":"Refund approved"}""", clean.Text);
        await stack.FlushAsync();
        var triggers = StoreRows.Events(stack.Server.OpenStore, "guardrail_triggered")
            .Select(e => JsonDocument.Parse(e.Properties).RootElement).Select(p => (p.GetProperty("guardrail").GetString(), p.GetProperty("action").GetString())).ToList();
        Assert.Equal([("pii", "replace"), ("json_schema", "block")], triggers);
    }

    [Fact]
    public void PiiGuardrail_FindsEmailPhoneSsnAndLuhnValidCardsOnly()
    {
        var guardrail = new PiiGuardrail();
        static ChatResponse Say(string text) => new(new ChatMessage(ChatRole.Assistant, text));
        Assert.Null(guardrail.Check(Say("Your order 1234 5678 9012 3456 ships today.")));
        Assert.Equal("Card [redacted] on file", guardrail.Check(Say("Card 4111 1111 1111 1111 on file"))!.Replacement);
        Assert.Equal("Call [redacted] or mail [redacted]", guardrail.Check(Say("Call 415-555-0132 or mail a@b.io"))!.Replacement);
        Assert.Contains("ssn", guardrail.Check(Say("SSN 123-45-6789"))!.Reason, StringComparison.Ordinal);
        Assert.Null(new LengthGuardrail(10).Check(Say("short")));
        Assert.Equal("0123456789", new LengthGuardrail(10).Check(Say("0123456789abc"))!.Replacement);
    }

    [Fact]
    public async Task Shadow_ServesControl_RunsTreatmentUnseen_AndLogsPairsWithColdStarts()
    {
        await using var stack = await LiveStack.StartAsync(middleware: o => o with { Shadow = true });
        stack.Llm.Responder = call => new ScriptedReply($"{call.Model}: {call.User}");
        var first = await stack.AskAsync("conv-a", "refund?");
        var second = await stack.AskAsync("conv-b", "refund?");
        Assert.Equal("support-generator-v7: refund?", first.Text);
        Assert.Equal("support-generator-v7: refund?", second.Text);

        // The treatments' calls end after the answers return; their events are queued when they end.
        var middleware = stack.Chat.GetService<ExperimentChatClient>()!;
        await WaitAsync(() => stack.Llm.Calls.Count == 4 && middleware.ShadowCallsInFlight == 0);
        await stack.FlushAsync();
        Assert.Empty(StoreRows.Exposures(stack.Server.OpenStore));
        var rows = StoreRows.Events(stack.Server.OpenStore, "shadow_call").Select(e => JsonDocument.Parse(e.Properties).RootElement).ToList();
        Assert.Equal(4, rows.Count);
        foreach (var pair in rows.GroupBy(r => r.GetProperty("shadow_pair").GetString()))
        {
            Assert.Equal(["control", "treatment"], pair.Select(r => r.GetProperty("arm").GetString()).Order());
            Assert.Contains(pair, r => r.GetProperty("output").GetString() == "support-generator-v8: refund?");
        }

        Assert.Equal(2, rows.Count(r => r.GetProperty("cold").GetString() == "true"));
        Assert.Equal(0, rows.Count(r => r.GetProperty("cold").GetString() == "true" && r.GetProperty("arm").GetString() == "control") - 1);
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        // Shadow calls finish after the answer returns; wait for them, bounded in count and time.
        for (var i = 0; i < 400 && !condition(); i++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.True(condition());
    }
}
