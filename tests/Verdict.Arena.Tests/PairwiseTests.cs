using Verdict.Arena.Analysis;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

public sealed class PairwiseTests
{
    [Fact]
    public async Task RunAsync_JudgeAlwaysPicksFirstPosition_EveryDuelIsAPositionInconsistentTie()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = call => call.System.Contains("comparing two responses", StringComparison.Ordinal)
            ? new ScriptedReply(SeedDuel.PairwiseReply("1"))
            : SeedDuel.Respond(call);
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: "  - kind: pairwise"), SeedDuel.GoldenJsonl());

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var duel = result.Comparisons.Single().Pairwise!;
        Assert.Equal((0, 0, 5, 5), (duel.Wins, duel.Losses, duel.Ties, duel.PositionInconsistent));
        Assert.Equal(1.0, duel.PositionInconsistencyRate);
        Assert.Equal(0.5, duel.WinRate);
        var pairwiseCalls = server.Calls.Where(c => c.System.Contains("comparing two responses", StringComparison.Ordinal)).ToList();
        Assert.Equal(10, pairwiseCalls.Count);
        Assert.Equal(5, pairwiseCalls.Count(c => SeedDuel.Responses(c).IndexOf("A-answer", StringComparison.Ordinal) < SeedDuel.Responses(c).IndexOf("B-answer", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("1", "2", "B")]
    [InlineData("2", "1", "A")]
    [InlineData("tie", "tie", "tie")]
    [InlineData("1", "tie", "inconsistent")]
    public void Combine_BothOrders_MapsPositionsToVariants(string controlFirst, string treatmentFirst, string expected)
    {
        static (int, string) Parse(string winner) => PairwiseJudge.Parse(SeedDuel.PairwiseReply(winner))!.Value;

        var judgement = PairwiseJudge.Combine("q", "B", "A", Parse(controlFirst), Parse(treatmentFirst));

        var outcome = judgement.PositionInconsistent ? "inconsistent" : judgement.Outcome switch
        {
            PairwiseOutcome.TreatmentWins => "A",
            PairwiseOutcome.ControlWins => "B",
            _ => "tie",
        };
        Assert.Equal(expected, outcome);
    }

    [Theory]
    [InlineData("""{"winner": "3", "reason": "x"}""")]
    [InlineData("""{"winner": "1"}""")]
    [InlineData("The first one.")]
    [InlineData("""["1"]""")]
    public void Parse_Malformed_ReturnsNull(string reply) => Assert.Null(PairwiseJudge.Parse(reply));

    [Fact]
    public void Parse_FencedJson_IsAccepted() =>
        Assert.Equal(2, PairwiseJudge.Parse("```json\n{\"winner\": \"2\", \"reason\": \"r\"}\n```")!.Value.Position);
}
