using System.ClientModel;
using Microsoft.Extensions.AI;
using OpenAI;
using Verdict.AI;
using Verdict.AI.Guardrails;
using Verdict.Client;

namespace SupportBot;

/// <summary>
/// The bot: <c>POST /chat</c> answers one customer turn through the experiment middleware; <c>POST /feedback</c>
/// records whether the conversation was solved. Settings come from configuration (appsettings.json, environment
/// variables such as <c>Verdict__ApiKey</c>, or the command line).
/// </summary>
public static class SupportBotApp
{
    /// <summary>The experiment the bot runs (examples/support-bot/brief.yaml).</summary>
    public const string Experiment = "support-bot-model-swap";

    /// <summary>Builds the bot; <paramref name="configure"/> lets a test swap the clock or other services.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.SnakeCaseLower);
        var settings = builder.Configuration;
        builder.Services.AddVerdict(o =>
        {
            o.ServerUrl = new Uri(settings["Verdict:ServerUrl"] ?? "http://127.0.0.1:5080");
            o.ApiKey = settings["Verdict:ApiKey"];
        });

        var llm = new OpenAIClient(
            new ApiKeyCredential(settings["Llm:ApiKey"] ?? "none"),
            new OpenAIClientOptions { Endpoint = new Uri(settings["Llm:BaseUrl"] ?? "http://127.0.0.1:11434/v1") });
        builder.Services.AddChatClient(llm.GetChatClient(settings["Llm:Model"] ?? "support-generator-v7").AsIChatClient())
            .UseExperiment(Experiment, o => o with
            {
                Prompts = new Dictionary<string, string> { ["support-bot-v3"] = "You are a concise, friendly support agent for an online shop. Answer refund and delivery questions." },
                Guardrails = [new PiiGuardrail(), new LengthGuardrail(2000)],
            });
        configure?.Invoke(builder);

        var app = builder.Build();
        app.MapPost("/chat", async (ChatTurn turn, IChatClient chat, CancellationToken cancellationToken) =>
        {
            if (string.IsNullOrWhiteSpace(turn.ConversationId) || string.IsNullOrWhiteSpace(turn.Message))
            {
                return Results.Problem(statusCode: 400, title: "Invalid turn", detail: "send {\"conversation_id\": ID, \"message\": TEXT}");
            }

            var answer = await chat.GetResponseAsync([new ChatMessage(ChatRole.User, turn.Message)], new ChatOptions { ConversationId = turn.ConversationId }, cancellationToken);
            return Results.Ok(new ChatReply(turn.ConversationId, answer.Text));
        });
        app.MapPost("/feedback", (Feedback feedback, VerdictClient verdict) =>
        {
            if (string.IsNullOrWhiteSpace(feedback.ConversationId))
            {
                return Results.Problem(statusCode: 400, title: "Invalid feedback", detail: "send {\"conversation_id\": ID, \"solved\": true|false}");
            }

            if (feedback.Solved)
            {
                verdict.Track("conversation_solved", feedback.ConversationId, 1);
            }

            return Results.NoContent();
        });
        return app;
    }
}
