using Verdict.Arena.Configuration;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>
/// Where the judge's and the embedder's calls go: to their own endpoint, else to the endpoint the variants share, never
/// to a public API the arena does not already use. (That an endpoint which does not answer exits 3, not 1, is tested
/// with the command in Verdict.Cli.Tests.)
/// </summary>
public sealed class EndpointRoutingTests
{
    private static string WithoutJudgeEndpoint(string yaml, string baseUrl) =>
        yaml.Replace($"judge:\n  endpoint: {baseUrl}\n", "judge:\n", StringComparison.Ordinal);

    [Fact]
    public async Task RunAsync_JudgeWithoutEndpoint_CallsTheVariantsEndpoint()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var yaml = WithoutJudgeEndpoint(SeedDuel.ArenaYaml(server.BaseUrl), server.BaseUrl);
        Assert.DoesNotContain($"judge:\n  endpoint", yaml, StringComparison.Ordinal);
        var spec = directory.Arena(yaml, SeedDuel.GoldenJsonl());
        Assert.Null(spec.Judge!.Endpoint);

        await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken);

        Assert.Equal(30, server.ChatCalls);
        Assert.Contains(server.Calls, c => c.Model == "judge-model");
    }

    [Fact]
    public async Task RunAsync_Requests_CarryTheDocumentedFields()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var yaml = SeedDuel.ArenaYaml(server.BaseUrl).Replace("    prompt_version: a-v1\n", "    prompt_version: a-v1\n    max_tokens: 300\n", StringComparison.Ordinal);
        var spec = directory.Arena(yaml, SeedDuel.GoldenJsonl());
        Assert.Equal(300, spec.Variant("A").MaxTokens);

        await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken);

        var generation = server.Calls.First(c => c.System == SeedDuel.PromptA).Body;
        Assert.Equal(300, generation.GetProperty("max_completion_tokens").GetInt32());
        Assert.False(generation.TryGetProperty("max_tokens", out _));
        var judge = server.Calls.First(c => c.Model == "judge-model").Body;
        Assert.Equal("json_object", judge.GetProperty("response_format").GetProperty("type").GetString());
    }

    [Fact]
    public void Load_LiveJudgeWithoutEndpointAndReplayVariants_IsRefused()
    {
        var yaml = """
            name: x
            dataset: golden.jsonl
            variants:
              - {name: A, provider: replay, replay: replay.jsonl, model: m}
              - {name: B, provider: replay, replay: replay.jsonl, model: m}
            judge:
              model: gpt-4o
            evaluators:
              - kind: pairwise
            """;
        var error = Assert.Throws<InvalidDataException>(() => ArenaSpecLoader.Validate(ArenaSpecLoader.Parse(yaml)));
        Assert.Contains("judge: no endpoint", error.Message, StringComparison.Ordinal);
        Assert.Contains("https://api.openai.com/v1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmbedderWithoutEndpointAndVariantsOnTwoEndpoints_IsRefused()
    {
        var yaml = """
            name: x
            dataset: golden.jsonl
            variants:
              - {name: A, endpoint: "http://127.0.0.1:8001/v1", model: m}
              - {name: B, endpoint: "http://127.0.0.1:8002/v1", model: m}
            evaluators:
              - kind: similarity
                embedding: {model: e}
            """;
        var error = Assert.Throws<InvalidDataException>(() => ArenaSpecLoader.Validate(ArenaSpecLoader.Parse(yaml)));
        Assert.Contains("the variants call several", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Route_VariantsOnOneEndpoint_JudgeAndEmbedderShareItAndItsKey()
    {
        var spec = ArenaSpecLoader.Parse("""
            name: x
            dataset: golden.jsonl
            variants:
              - {name: A, endpoint: "http://127.0.0.1:8001/v1", api_key_env: LOCAL_KEY, model: m}
              - {name: B, endpoint: "http://127.0.0.1:8001/v1", api_key_env: LOCAL_KEY, model: m}
            judge: {model: j}
            """);
        Assert.Equal(("http://127.0.0.1:8001/v1", "LOCAL_KEY"), ArenaEndpoints.Route(spec, spec.Judge!, "judge"));
    }
}
