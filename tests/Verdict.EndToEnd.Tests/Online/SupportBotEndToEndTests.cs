using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SupportBot;
using Verdict.Arena.Tests.Server;
using Verdict.Server.Tests;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>
/// examples/support-bot under simulated customers: server, bot (SDK + middleware) and a loopback model server over
/// HTTP; customers solve their problem more often with v8's answers; the analysis of what the bot logged gives the
/// verdict that truth implies, with the receipts of the brief.
/// </summary>
public sealed class SupportBotEndToEndTests
{
    private const double ControlSolveRate = 0.40;
    private const double TreatmentSolveRate = 0.55;

    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task SupportBot_UnderSimulatedCustomers_ShipsTheBetterModel(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine);
        var folder = Path.Combine(AppContext.BaseDirectory, "SupportBotBrief");
        var created = await server.Admin.PostAsJsonAsync("/api/v1/experiments", new { brief = File.ReadAllText(Path.Combine(folder, "brief.yaml")), files = new Dictionary<string, string> { ["metrics.yaml"] = File.ReadAllText(Path.Combine(folder, "metrics.yaml")) } }, cancellationToken);
        Assert.Equal(201, (int)created.StatusCode);
        Assert.Equal(200, (int)(await server.Admin.PostAsJsonAsync($"/api/v1/experiments/{SupportBotApp.Experiment}/start", new { reason = "test" }, cancellationToken)).StatusCode);

        await using var llm = await ScriptedOpenAIServer.StartAsync();
        llm.RecordCalls = false;
        // Now and then (3 %, either model) an answer carries an email address, which the bot's PII guardrail masks.
        var leaks = new Random(11);
        llm.Responder = call => new ScriptedReply($"[{call.Model}] You can ask for a refund from your orders page within 30 days."
            + (leaks.NextDouble() < 0.03 ? " Or write to refunds@example.com." : string.Empty));
        var bot = SupportBotApp.Build(
            ["--urls=http://127.0.0.1:0", $"--Verdict:ServerUrl={server.BaseAddress}", $"--Verdict:ApiKey={server.Sdk.DefaultRequestHeaders.Authorization!.Parameter}", $"--Llm:BaseUrl={llm.BaseUrl}"],
            b =>
            {
                b.Logging.ClearProviders();
                b.Services.AddSingleton<TimeProvider>(server.Time);
            });
        await bot.StartAsync(cancellationToken);
        using var customer = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };

        // 600 customers, seeded: each asks once or twice and says whether the answer solved it.
        var random = new Random(7);
        for (var i = 0; i < 600; i++)
        {
            var conversation = $"conv-{i:000}";
            string reply = "";
            for (var turn = 0; turn < 1 + random.Next(2); turn++)
            {
                var answer = await customer.PostAsJsonAsync("/chat", new { conversation_id = conversation, message = "Where is my refund?" }, cancellationToken);
                Assert.Equal(200, (int)answer.StatusCode);
                reply = (await answer.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("reply").GetString()!;
            }

            var solveRate = reply.StartsWith("[support-generator-v8]", StringComparison.Ordinal) ? TreatmentSolveRate : ControlSolveRate;
            var solved = random.NextDouble() < solveRate;
            Assert.Equal(204, (int)(await customer.PostAsJsonAsync("/feedback", new { conversation_id = conversation, solved }, cancellationToken)).StatusCode);
        }

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();

        var results = await ServerHarness.JsonAsync(await server.Reader.GetAsync($"/api/v1/experiments/{SupportBotApp.Experiment}/results", cancellationToken));
        Assert.True(results.GetProperty("decision").GetString() == "SHIP", results.ToString());
        var lift = results.GetProperty("primary").GetProperty("lift").GetProperty("absolute");
        Assert.InRange(TreatmentSolveRate - ControlSolveRate, lift.GetProperty("ci_low").GetDouble(), lift.GetProperty("ci_high").GetDouble());

        var brief = server.Registry.Brief(SupportBotApp.Experiment, 1)!;
        var receipts = brief.Arms.ToDictionary(a => a.Name, a => Verdict.Experiments.Briefs.ReceiptHash.Of(a.Receipt));
        var exposures = StoreRows.Exposures(server.OpenStore);
        Assert.Equal(600, exposures.Count);
        Assert.All(exposures, e => Assert.Equal(receipts[e.Arm], e.ReceiptHash));
    }
}
