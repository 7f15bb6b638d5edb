using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Providers;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class DeterministicCheckTests
{
    private static readonly GoldenCase Case = new("q1", "question", null, "Refund within 5 days.", [], new Dictionary<string, string>());

    private static ModelReply Reply(string text, double latency = 100, long tokens = 20, double cost = 0.001) =>
        new(text, 10, tokens, latency, cost, false, "m", 0, 42, 1);

    [Theory]
    [InlineData("contains", "value: policy", "See our Policy §2.", true)]
    [InlineData("contains", "value: policy", "No citation.", false)]
    [InlineData("not_contains", "value: as an AI", "As an AI, I cannot.", false)]
    [InlineData("regex", "pattern: '§\\d+\\.\\d+'", "Per §4.1 we refund.", true)]
    [InlineData("json", "", "{\"a\": 1}", true)]
    [InlineData("json", "", "{a: 1}", false)]
    [InlineData("exact_match", "", "  Refund within 5 days. ", true)]
    [InlineData("exact_match", "", "Refund within 7 days.", false)]
    [InlineData("max_latency_ms", "value: '150'", "x", true)]
    [InlineData("max_tokens", "value: '10'", "x", false)]
    [InlineData("max_cost", "value: '0.01'", "x", true)]
    public async Task Evaluate_Kind_PassesOrFails(string kind, string argument, string output, bool passes)
    {
        var spec = ArenaSpecLoader.Parse($"evaluators:\n  - kind: {kind}\n    {argument}\n");
        var check = await DeterministicCheck.CreateAsync(spec.Evaluators[0], spec, TestContext.Current.CancellationToken);

        Assert.Equal(passes, check.Evaluate(Case, Reply(output)).Passed);
    }

    [Fact]
    public async Task Evaluate_JsonSchema_ValidatesWithNJsonSchema()
    {
        using var directory = new ArenaDirectory();
        directory.Write("schema.json", """{"type":"object","required":["answer","policy"],"properties":{"answer":{"type":"string"},"policy":{"type":"string"}}}""");
        var spec = directory.Arena("dataset: golden.jsonl\nvariants:\n  - {name: A, provider: replay, replay: r.jsonl}\n  - {name: B, provider: replay, replay: r.jsonl}\nevaluators:\n  - kind: json_schema\n    schema: schema.json\n", """{"input":"q"}""");
        var check = await DeterministicCheck.CreateAsync(spec.Evaluators[0], spec, TestContext.Current.CancellationToken);

        Assert.True(check.Evaluate(Case, Reply("""{"answer":"yes","policy":"§1"}""")).Passed);
        var failed = check.Evaluate(Case, Reply("""{"answer":"yes"}"""));
        Assert.False(failed.Passed);
        Assert.Contains("policy", failed.Detail, StringComparison.Ordinal);
    }
}
