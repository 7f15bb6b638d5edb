using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;
using Verdict.Arena.Running;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class ConfigurationTests
{
    private const string Variants = "variants:\n  - {name: A, provider: replay, replay: r.jsonl}\n  - {name: B, provider: replay, replay: r.jsonl}\n";

    [Theory]
    [InlineData("variants:\n  - {name: A, provider: replay, replay: r.jsonl}\n", "at least two variants")]
    [InlineData(Variants + "evaluators:\n  - kind: rubric\n    axes: [{name: clarity, anchors: {1: a, 5: b}}]\njudge: {provider: replay, replay: j.jsonl}\n", "anchors at 1, 3 and 5")]
    [InlineData(Variants + "evaluators:\n  - kind: pairwise\n", "a judge is required")]
    [InlineData(Variants + "evaluators:\n  - kind: sentiment\n", "unknown kind")]
    [InlineData(Variants + "gate:\n  rules:\n    - kind: better\n", "needs an axis")]
    [InlineData(Variants + "statistics:\n  test: anova\n", "wilcoxon, sign or t")]
    public void Validate_BadArena_ThrowsNamingTheField(string body, string message)
    {
        var spec = ArenaSpecLoader.Parse("dataset: golden.jsonl\n" + body);

        var exception = Assert.Throws<InvalidDataException>(() => ArenaSpecLoader.Validate(spec));
        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ApiKeyVariableMissing_SaysKeysComeFromTheEnvironment()
    {
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(
            "dataset: golden.jsonl\nvariants:\n  - {name: A, endpoint: 'http://127.0.0.1:9/v1', model: m, api_key_env: VERDICT_TEST_KEY_THAT_IS_NOT_SET}\n  - {name: B, provider: replay, replay: r.jsonl}\n",
            """{"input":"q"}""");

        var exception = await Assert.ThrowsAsync<InvalidDataException>(() => ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));
        Assert.Contains("VERDICT_TEST_KEY_THAT_IS_NOT_SET", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Csv_ParsesTagsAndHumanLabels()
    {
        using var directory = new ArenaDirectory();
        var path = directory.Write("golden.csv", "id,input,reference,tags,human_pairwise\nq1,\"Late parcel, 8 days\",Trace it,shipping;late,B\n");

        var cases = GoldenSetReader.Read(path);

        var c = Assert.Single(cases);
        Assert.Equal(("q1", "Late parcel, 8 days", "Trace it"), (c.Id, c.Input, c.Reference));
        Assert.Equal(["shipping", "late"], c.Tags);
        Assert.Equal("B", c.HumanLabels["pairwise"]);
    }
}
