using Verdict.Arena.Analysis;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>The judge as an instrument, on hand-checkable cases.</summary>
public sealed class CalibrationTests
{
    // Seed 001's audit: 8 labels, 6 agreements.
    private static readonly string[] Human = ["A", "B", "A", "tie", "B", "A", "B", "B"];
    private static readonly string[] Judge = ["A", "B", "B", "tie", "B", "A", "A", "B"];

    [Fact]
    public async Task RunAsync_SeedAudit_75PercentAgreementFailsThe80PercentPolicy()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = call =>
        {
            if (!call.System.Contains("comparing two responses", StringComparison.Ordinal))
            {
                return new ScriptedReply(call.System == SeedDuel.PromptA ? "A says " + call.User : "B says a longer answer to " + call.User);
            }

            var index = int.Parse(call.User.Split("Case ")[1].Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
            var aFirst = call.User.IndexOf("A says", StringComparison.Ordinal) < call.User.IndexOf("B says", StringComparison.Ordinal);
            var winner = Judge[index] switch { "tie" => "tie", "A" => aFirst ? "1" : "2", _ => aFirst ? "2" : "1" };
            return new ScriptedReply(SeedDuel.PairwiseReply(winner));
        };
        using var directory = new ArenaDirectory();
        var golden = string.Concat(Human.Select((h, i) => $"{{\"id\":\"c{i}\",\"input\":\"Case {i}.\",\"human\":{{\"pairwise\":\"{h}\"}}}}\n"));
        var gate = "gate:\n  min_judge_agreement: 0.8\n  rules:\n    - kind: win_rate\n      margin: 0";
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, gate, "  - kind: pairwise"), golden);

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var calibration = result.Calibration!;
        Assert.Equal(8, calibration.LabelledCases);
        Assert.Equal(0.75, calibration.Agreement, 12);
        // Hand check: p_o = 6/8, p_e = (3·3 + 4·4 + 1·1)/64 = 26/64, κ = (0.75 − 0.40625)/(1 − 0.40625) = 11/19.
        Assert.Equal(11.0 / 19, calibration.Kappa, 12);
        Assert.Equal("recalibrate judge", calibration.Decision);
        Assert.False(result.Gate.Passed);
        Assert.Contains(result.Gate.Rules, r => !r.Passed && r.Detail.Contains("recalibrate judge", StringComparison.Ordinal));
        Assert.Contains(result.Gate.Rules, r => !r.Passed && r.Detail.Contains("do not count", StringComparison.Ordinal));
        // Length bias: B's answers are longer; B won cases 1, 2, 4, 7 and A won 0, 5, 6: longer won 4 of 7.
        Assert.Equal((7, 4), (calibration.LengthBias.DecisiveDuels, calibration.LengthBias.LongerWon));
        Assert.Equal(1.0, calibration.LengthBias.PValue, 12);
    }

    [Fact]
    public async Task RunAsync_SeedDuel_LongerAnswerWonEveryDecisiveDuel()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: "  - kind: pairwise"), SeedDuel.GoldenJsonl(["B", "B", "B", "B", "A"]));

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var calibration = result.Calibration!;
        Assert.Equal(0.8, calibration.Agreement, 12);
        Assert.Equal((4, 4), (calibration.LengthBias.DecisiveDuels, calibration.LengthBias.LongerWon));
        // Exact sign test, 4 of 4: p = 2 · (1/2)^4.
        Assert.Equal(0.125, calibration.LengthBias.PValue, 12);
        Assert.Equal(0.0, calibration.PositionInconsistencyRate);
    }

    [Fact]
    public async Task RunAsync_HumanAxisScores_MeasuresTheRubricJudge()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        using var directory = new ArenaDirectory();
        // Humans scored B's policy citation 5, 4, 4, 5, 3; the judge gave 5, 4, 5, 5, 4 (the seed's table).
        int[] human = [5, 4, 4, 5, 3];
        var golden = string.Concat(SeedDuel.GoldenJsonl().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, i) => line.Replace("\"human\":null", $"\"human\":{{\"B.policy_citation\":{human[i]}}}", StringComparison.Ordinal) + "\n"));
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), golden);

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        var rubric = result.RubricCalibration!;
        Assert.Equal(5, rubric.Labels);
        Assert.Equal(0.6, rubric.ExactAgreement, 12);
        Assert.Equal(1.0, rubric.WithinOneAgreement, 12);
        Assert.Equal(0.4, rubric.MeanJudgeMinusHuman, 12);
        // Hand check: categories 3, 4, 5; p_o = 3/5; human margins (1, 2, 2)/5, judge (0, 2, 3)/5; p_e = (0 + 4 + 6)/25 = 0.4;
        // κ = (0.6 − 0.4)/(1 − 0.4) = 1/3.
        Assert.Equal(1.0 / 3, rubric.Kappa, 12);
    }
}
