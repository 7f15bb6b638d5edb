using System.Globalization;
using System.Text;
using System.Text.Json;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Statistics.Bandits;
using Verdict.Statistics.Bayesian;
using Verdict.Statistics.Inference;
using Verdict.Statistics.SufficientStatistics;
using Verdict.Testing;
using Xunit;

namespace Verdict.Cli.Tests.Bandit;

/// <summary>
/// <c>verdict bandit init / update / assign</c> end to end on a fresh DuckDB file: units are served by the state's
/// schedule, their exposures carry the enrolling period, rewards are ingested, and the update reads them back from
/// SQL. The store's answers are checked against the same numbers computed in memory from the generated units.
/// </summary>
public sealed class BanditCommandsTests : IDisposable
{
    private static readonly double[] TrueRates = [0.55, 0.62];
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-bandit-").FullName;
    private readonly List<(int Period, int Arm, bool Reward, double Propensity)> units = [];

    public BanditCommandsTests()
    {
        File.Copy(Path.Combine(RepositoryRoot.Path, "examples", "prompt-bandit", "brief.yaml"), BriefPath);
    }

    private string BriefPath => Path.Combine(folder, "brief.yaml");

    private string StatePath => Path.Combine(folder, "bandit.json");

    private string StorePath => Path.Combine(folder, "verdict.duckdb");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void InitServeIngestUpdate_TwoPeriods_WeightsFollowStoreAndEstimatesMatchMemory()
    {
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath, "--enrollment-per-period", "0.25", "--min-sample", "50", "--min-weight", "0.05").ExitCode);

        Serve(0, 6000);
        var first = CliRunner.Json("bandit", "update", BriefPath, "--state", StatePath, "--store", StorePath, "--as-of", "2026-05-06T00:00:00Z", "--json");
        Assert.Equal(1, first.GetProperty("period").GetInt32());
        // The reward metric's window is one day: units first exposed by the day before the as-of count (all of period 0).
        Assert.Equal(new DateTimeOffset(2026, 5, 5, 0, 0, 0, TimeSpan.Zero), DateTimeOffset.Parse(first.GetProperty("reward_cutoff").GetString()!, CultureInfo.InvariantCulture));
        Assert.True(first.GetProperty("updated").GetBoolean());
        for (var arm = 0; arm < 2; arm++)
        {
            var row = first.GetProperty("arms")[arm];
            var mine = units.Where(u => u.Arm == arm).ToList();
            Assert.Equal(mine.Count, row.GetProperty("rewards").GetInt64());
            Assert.Equal(mine.Count(u => u.Reward) / (double)mine.Count, row.GetProperty("naive_mean").GetDouble(), 12);
        }

        // The recorded weights are Thompson's from the same counts, floored at 0.05.
        var posteriors = Enumerable.Range(0, 2).Select(a => ArmPosterior.FromBinary(units.Count(u => u.Arm == a && u.Reward), units.Count(u => u.Arm == a), BetaPrior.Flat)).ToArray();
        var expected = ThompsonAllocation.Compute(posteriors, new ThompsonOptions { MinimumWeight = 0.05, MinimumSamplePerArm = 50 });
        var state = BanditStateFile.Load(StatePath);
        Assert.Equal(2, state.Periods.Count);
        Assert.Equal(expected.Weights[1], state.Periods[1].Weights[1], 12);

        Serve(1, 6000);
        var second = CliRunner.Json("bandit", "update", BriefPath, "--state", StatePath, "--store", StorePath, "--json");
        Assert.Equal(2, second.GetProperty("period").GetInt32());
        Assert.Equal(2, second.GetProperty("periods_used").GetInt32());
        var cells = units.GroupBy(u => (u.Period, u.Arm)).Select(g =>
            new BanditCell(g.Key.Period, g.Key.Arm, Moments.FromProportion(g.Count(u => u.Reward), g.Count()), g.First().Propensity)).ToList();
        var memory = BanditEstimator.Estimate(cells, 2);
        var lift = second.GetProperty("stratified_lift");
        Assert.Equal(memory.Lift.Value, lift.GetProperty("estimate").GetDouble(), 10);
        Assert.Equal(memory.Lift.StandardError, lift.GetProperty("standard_error").GetDouble(), 10);
        Assert.Equal(memory.InverseProbability[1], second.GetProperty("arms")[1].GetProperty("ipw_mean").GetDouble(), 10);
        Assert.Equal(memory.InverseProbabilityIntervals[1].StandardError, second.GetProperty("arms")[1].GetProperty("ipw_standard_error").GetDouble(), 10);
        Assert.Equal(memory.InverseProbabilityLift.CiLow, second.GetProperty("ipw_lift").GetProperty("ci_low").GetDouble(), 10);
        Assert.Contains("not a fixed-horizon launch test", second.GetProperty("caveat").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Update_ContinuousReward_GaussianWeightsFromStoreMoments()
    {
        // The reward is a judge score (a sum metric over one judged answer per customer).
        File.WriteAllText(BriefPath, File.ReadAllText(BriefPath)
            .Replace("type: binary\n    event: conversation_solved", "type: sum\n    event: answer_judged\n    value: score", StringComparison.Ordinal)
            .Replace("unit: proportion", "unit: number", StringComparison.Ordinal)
            .Replace("7pp", "0.2", StringComparison.Ordinal)
            .Replace("baseline: 0.55", "baseline: 3.5\n  baseline_sd: 1.0", StringComparison.Ordinal));
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath, "--enrollment-per-period", "0.25", "--min-sample", "50").ExitCode);
        var schedule = BanditStateFile.Load(StatePath).ToSchedule();
        var random = new Random(8);
        var ndjson = new StringBuilder();
        var scores = new List<double>[] { [], [] };
        for (var i = 0; i < 4000; i++)
        {
            var id = $"customer-{i:D5}";
            var a = schedule.Assign(id);
            if (!a.IsEnrolled)
            {
                continue;
            }

            var score = Math.Round(3.5 + (0.15 * a.Arm) + (random.NextDouble() * 2) - 1, 3);
            scores[a.Arm].Add(score);
            var text = score.ToString(CultureInfo.InvariantCulture);
            ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"type":"exposure","experiment":"prompt-bandit","version":1,"unit_id":"{{{id}}}","arm":"{{{schedule.Arms[a.Arm]}}}","timestamp":"2026-05-04T00:00:00.000Z","receipt_hash":null,"attributes":{"bandit_period":"0"}}""").Append('\n');
            ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"type":"event","name":"answer_judged","unit_id":"{{{id}}}","timestamp":"2026-05-04T00:01:00.000Z","value":{{{text}}},"properties":{"score":"{{{text}}}"},"idempotency_key":"{{{id}}}:answer_judged:1"}""").Append('\n');
        }

        var file = Path.Combine(folder, "scores.ndjson");
        File.WriteAllText(file, ndjson.ToString());
        Assert.Equal(0, CliRunner.Run("ingest", "--store", StorePath, file).ExitCode);
        var result = CliRunner.Json("bandit", "update", BriefPath, "--state", StatePath, "--store", StorePath, "--json");

        var posteriors = scores.Select(s => ArmPosterior.FromMoments(Moments.FromSums(s.Count, s.Sum(), s.Sum(x => x * x)))).ToArray();
        var expected = ThompsonAllocation.Compute(posteriors, new ThompsonOptions { MinimumWeight = 0.05, MinimumSamplePerArm = 50 });
        for (var arm = 0; arm < 2; arm++)
        {
            var row = result.GetProperty("arms")[arm];
            Assert.Equal(scores[arm].Average(), row.GetProperty("naive_mean").GetDouble(), 9);
            Assert.Equal(expected.ProbabilityBest[arm], row.GetProperty("probability_best").GetDouble(), 9);
            Assert.Equal(expected.Weights[arm], row.GetProperty("next_weight").GetDouble(), 9);
        }
    }

    [Fact]
    public void Update_BeforeMinimumSample_KeepsWeightsAndSaysWhy()
    {
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath, "--enrollment-per-period", "0.25", "--min-sample", "5000").ExitCode);
        Serve(0, 2000);
        var (code, output, _) = CliRunner.Run("bandit", "update", BriefPath, "--state", StatePath, "--store", StorePath, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("weights unchanged", output, StringComparison.Ordinal);
        Assert.Contains("of the 5000 rewards required per arm", output, StringComparison.Ordinal);
        Assert.Single(BanditStateFile.Load(StatePath).Periods);
    }

    [Fact]
    public void Init_CountRewardWithMinimumSampleOne_ExitsTwo()
    {
        File.WriteAllText(BriefPath, File.ReadAllText(BriefPath).Replace("type: binary", "type: count", StringComparison.Ordinal).Replace("unit: proportion", "unit: count", StringComparison.Ordinal).Replace("7pp", "1", StringComparison.Ordinal).Replace("baseline: 0.55", "baseline: 1.2\n  baseline_sd: 1.0", StringComparison.Ordinal));
        var (code, _, error) = CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath, "--min-sample", "1");
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("min_sample must be at least 2", error, StringComparison.Ordinal);
        Assert.False(File.Exists(StatePath));
    }

    [Fact]
    public void Init_StateExists_ExitsTwo()
    {
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath).ExitCode);
        var (code, _, error) = CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath);
        Assert.Equal(ExitCodes.InputError, code);
        Assert.Contains("exists", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Assign_StateFile_ReportsArmPeriodAndPropensity()
    {
        Assert.Equal(0, CliRunner.Run("bandit", "init", BriefPath, "--out", StatePath, "--enrollment-per-period", "1").ExitCode);
        var result = CliRunner.Json("bandit", "assign", "--state", StatePath, "customer-014", "--json");
        var unit = result.GetProperty("units")[0];
        Assert.Equal(0, unit.GetProperty("period").GetInt32());
        Assert.Equal(0.5, unit.GetProperty("propensity").GetDouble());
    }

    /// <summary>Serves <paramref name="candidates"/> unit ids with the current state, writes and ingests their events.</summary>
    private void Serve(int period, int candidates)
    {
        var schedule = BanditStateFile.Load(StatePath).ToSchedule();
        var random = new Random(100 + period);
        var ndjson = new StringBuilder();
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero).AddDays(period);
        for (var i = 0; i < candidates; i++)
        {
            var id = $"customer-{period}-{i:D5}";
            var a = schedule.Assign(id);
            if (a.Period != period)
            {
                continue;
            }

            var reward = random.NextDouble() < TrueRates[a.Arm];
            units.Add((period, a.Arm, reward, a.Propensity));
            var at = start.AddSeconds(i).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
            ndjson.Append(CultureInfo.InvariantCulture, $$$"""{"type":"exposure","experiment":"prompt-bandit","version":1,"unit_id":"{{{id}}}","arm":"{{{schedule.Arms[a.Arm]}}}","timestamp":"{{{at}}}","receipt_hash":null,"attributes":{"bandit_period":"{{{period}}}"}}""").Append('\n');
            if (reward)
            {
                var solved = start.AddSeconds(i + 30).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
                ndjson.Append(CultureInfo.InvariantCulture, $$"""{"type":"event","name":"conversation_solved","unit_id":"{{id}}","timestamp":"{{solved}}","value":null,"properties":{},"idempotency_key":"{{id}}:conversation_solved:1"}""").Append('\n');
            }
        }

        var file = Path.Combine(folder, $"period-{period}.ndjson");
        File.WriteAllText(file, ndjson.ToString());
        Assert.Equal(0, CliRunner.Run("ingest", "--store", StorePath, file).ExitCode);
    }
}
