using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Verdict.Server.Bandits;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Sql;
using Verdict.Testing;

namespace Verdict.Server.Tests.Bandits;

/// <summary>
/// A bandit served by a real server (Kestrel on loopback, DuckDB or PostgreSQL) to the real SDK: the updater runs on
/// the fake clock, the config carries every period's cohort and weights, enrolled units keep their arm, and the
/// exposures carry the period and propensity the SDK assigned (docs/bandits.md, "The server runs the schedule").
/// </summary>
public sealed class BanditServerTests
{
    [Theory]
    [MemberData(nameof(ServerHarness.Engines), MemberType = typeof(ServerHarness))]
    public async Task Updater_TwoPeriodsOfSdkTraffic_ServesNewWeightsAndKeepsEnrolledUnits(string engine)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync(engine, o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = null });
        await BanditServing.CreateAndStartAsync(server);
        var start = server.Time.GetUtcNow();
        var runner = server.App.Services.GetRequiredService<BanditRunner>();

        var (period0, etag0) = await BanditServing.ConfigAsync(server);
        Assert.Equal(0, period0.Bandit!.Period);
        Assert.Equal([0.5, 0.5], period0.Bandit.Periods[0].Weights);
        Assert.Equal([0, 2500], period0.Bandit.Periods[0].Cohort);
        Assert.Equal([[0, 1250], [1250, 2500]], period0.Bandit.Periods[0].Ranges);
        Assert.Equal(start, period0.Bandit.PeriodStartedAt);

        var sdk = new BanditSdkTraffic(server.Sdk, server.BaseAddress, server.Time);
        await sdk.Poller.PollAsync(cancellationToken);
        var first = await sdk.ServeAsync(BanditServing.Key, "p0", 1600, BanditServing.TrueRates, 11, cancellationToken);
        Assert.InRange(first.Count, 300, 500);
        Assert.All(first, u => Assert.Equal((0, 0.5), (u.Period, u.Propensity)));

        // Not due before a whole period has passed.
        server.Time.Advance(TimeSpan.FromHours(23));
        Assert.Empty(await runner.RunOnceAsync(cancellationToken));
        server.Time.SetUtcNow(start.AddDays(1));
        var update = Assert.Single(await runner.RunOnceAsync(cancellationToken));
        Assert.True(update.Weights.Updated);
        Assert.Equal(first.Count, update.RewardsPerArm.Sum());
        Assert.True(update.Weights.Weights[1] > 0.9, $"the better arm should get most of period 1, got {update.Weights.Weights[1]}");
        Assert.Empty(await runner.RunOnceAsync(cancellationToken));

        var (period1, etag1) = await BanditServing.ConfigAsync(server);
        Assert.NotEqual(etag0, etag1);
        Assert.Equal(1, period1.Bandit!.Period);
        Assert.Equal(update.Weights.Weights, period1.Bandit.Periods[1].Weights);
        Assert.Equal(Shape(period0.Bandit.Periods[0]), Shape(period1.Bandit.Periods[0]));
        Assert.Equal(start.AddDays(1), period1.Bandit.PeriodStartedAt);
        var audit = server.Registry.Audit(BanditServing.Key).Last();
        Assert.Equal((BanditLedger.Action, BanditRunner.Actor, 1), (audit.Action, audit.Actor, audit.Version));
        Assert.Contains("period 1 weights updated", audit.Reason, StringComparison.Ordinal);

        // Sticky: every unit enrolled in period 0 keeps its arm and period under the new config, in the SDK and at /assign.
        Assert.True(await sdk.Poller.PollAsync(cancellationToken));
        foreach (var unit in first)
        {
            var again = sdk.Client.Assign(BanditServing.Key, unit.Unit);
            Assert.Equal((unit.Arm, 0, 0.5), (again.ArmName, again.BanditPeriod, again.Propensity));
        }

        var sample = first[0];
        var assigned = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = BanditServing.Key, unit_id = sample.Unit }, cancellationToken));
        Assert.Equal((sample.Arm, 0, 0.5, true), (assigned.GetProperty("arm").GetString(), assigned.GetProperty("bandit_period").GetInt32(), assigned.GetProperty("propensity").GetDouble(), assigned.GetProperty("in_experiment").GetBoolean()));

        var second = await sdk.ServeAsync(BanditServing.Key, "p1", 1600, BanditServing.TrueRates, 12, cancellationToken);
        var fresh = second.Where(u => u.Period == 1).ToList();
        Assert.NotEmpty(fresh);
        var ranges = period1.Bandit.Periods[1].Ranges;
        Assert.All(fresh, u => Assert.Equal((double)(ranges[u.Arm == "control" ? 0 : 1][1] - ranges[u.Arm == "control" ? 0 : 1][0]) / 2500, u.Propensity));
        Assert.True(fresh.Count(u => u.Arm == "treatment") > 3 * fresh.Count(u => u.Arm == "control"), "period 1 should enrol mostly the favoured arm");
        foreach (var unit in fresh.Take(50))
        {
            var answer = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = BanditServing.Key, unit_id = unit.Unit }, cancellationToken));
            Assert.Equal((unit.Arm, 1, unit.Propensity), (answer.GetProperty("arm").GetString(), answer.GetProperty("bandit_period").GetInt32(), answer.GetProperty("propensity").GetDouble()));
        }

        // The store holds what the SDK logged: one exposure per enrolled unit, with its period and propensity.
        using (var store = server.OpenStore())
        {
            var p = new SqlParameters(store.Dialect);
            using var reader = store.Query($"SELECT unit_id, arm, CAST(attributes AS TEXT) FROM exposures WHERE experiment = {p.Add(BanditServing.Key)}", p.Values);
            var rows = new List<(string Unit, string Arm, string Attributes)>();
            while (reader.Read())
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }

            rows.Sort((a, b) => string.CompareOrdinal(a.Unit, b.Unit));
            var expected = first.Concat(second).OrderBy(u => u.Unit, StringComparer.Ordinal).ToList();
            Assert.Equal(expected.Select(u => (u.Unit, u.Arm)), rows.Select(r => (r.Unit, r.Arm)));
            for (var i = 0; i < rows.Count; i++)
            {
                using var attributes = JsonDocument.Parse(rows[i].Attributes);
                Assert.Equal(expected[i].Period.ToString(System.Globalization.CultureInfo.InvariantCulture), attributes.RootElement.GetProperty("bandit_period").GetString());
                Assert.Equal(expected[i].Propensity, double.Parse(attributes.RootElement.GetProperty("bandit_propensity").GetString()!, System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        server.Time.SetUtcNow(start.AddDays(2));
        var next = Assert.Single(await runner.RunOnceAsync(cancellationToken));
        Assert.Equal(2, next.NextPeriod);
        Assert.Equal(first.Count + second.Count, next.RewardsPerArm.Sum());
        var (period2, _) = await BanditServing.ConfigAsync(server);
        Assert.Equal(period1.Bandit.Periods.Select(Shape), period2.Bandit!.Periods.Take(2).Select(Shape));
        Assert.Equal(next.Weights.Weights, period2.Bandit.Periods[2].Weights);
    }

    [Fact]
    public async Task Restart_SameStore_ServesTheRecordedPeriodsAndETag()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        string etag;
        Verdict.Client.Wire.BanditConfig before;
        var directory = Directory.CreateTempSubdirectory("verdict-bandit-restart-").FullName;
        try
        {
            var path = Path.Combine(directory, "verdict.duckdb");
            await using (var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = () => DuckDbEventStore.Open(path), Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = null }))
            {
                await BanditServing.CreateAndStartAsync(server);
                var sdk = new BanditSdkTraffic(server.Sdk, server.BaseAddress, server.Time);
                await sdk.Poller.PollAsync(cancellationToken);
                await sdk.ServeAsync(BanditServing.Key, "p0", 1600, BanditServing.TrueRates, 5, cancellationToken);
                server.Time.Advance(TimeSpan.FromDays(1));
                Assert.Single(await server.App.Services.GetRequiredService<BanditRunner>().RunOnceAsync(cancellationToken));
                var (experiment, tag) = await BanditServing.ConfigAsync(server);
                (before, etag) = (experiment.Bandit!, tag);
            }

            await using var restarted = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = () => DuckDbEventStore.Open(path), Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = null });
            var (after, etagAfter) = await BanditServing.ConfigAsync(restarted);
            Assert.Equal(1, after.Bandit!.Period);
            Assert.Equal(before.Periods.Select(p => p.Weights.ToArray()), after.Bandit.Periods.Select(p => p.Weights.ToArray()));
            Assert.Equal(before.PeriodStartedAt, after.Bandit.PeriodStartedAt);
            Assert.Equal(etag, etagAfter);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static string Shape(Verdict.Client.Wire.BanditPeriodConfig p) =>
        FormattableString.Invariant($"{p.Index}|{string.Join(",", p.Weights.Select(w => w.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))}|{string.Join(",", p.Cohort)}|{string.Join(";", p.Ranges.Select(r => string.Join(",", r)))}");

    [Fact]
    public async Task HostedService_OnTheFakeClock_OpensTheNextPeriodWithoutBeingCalled()
    {
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = TimeSpan.FromHours(1) });
        await BanditServing.CreateAndStartAsync(server);
        var sdk = new BanditSdkTraffic(server.Sdk, server.BaseAddress, server.Time);
        await sdk.Poller.PollAsync(TestContext.Current.CancellationToken);
        await sdk.ServeAsync(BanditServing.Key, "p0", 1600, BanditServing.TrueRates, 3, TestContext.Current.CancellationToken);

        // The updater's PeriodicTimer (hourly here) ticks on the fake clock; the period is due after a day.
        for (var hour = 0; hour < 24 && server.Registry.Served[BanditServing.Key].Bandit!.Periods.Count == 1; hour++)
        {
            server.Time.Advance(TimeSpan.FromHours(1));
            for (var i = 0; i < 40 && server.Registry.Served[BanditServing.Key].Bandit!.Periods.Count == 1; i++)
            {
                await Task.Delay(25, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(2, server.Registry.Served[BanditServing.Key].Bandit!.Periods.Count);
        Assert.Equal(BanditLedger.Action, server.Registry.Audit(BanditServing.Key).Last().Action);
    }

    [Fact]
    public async Task Updater_BucketSpaceUsedUp_NotesItOnceAndKeepsServing()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = null });
        await BanditServing.CreateAndStartAsync(server, BanditServing.Brief("bandit:\n  period: 1d\n  enrollment_per_period: 0.5\n"));
        var runner = server.App.Services.GetRequiredService<BanditRunner>();

        // Before any traffic a unit outside the open cohort is not enrolled: control, no period, in the SDK and at /assign.
        var sdk = new BanditSdkTraffic(server.Sdk, server.BaseAddress, server.Time);
        await sdk.Poller.PollAsync(cancellationToken);
        var outside = Enumerable.Range(0, 100).Select(i => $"u-{i}").First(u => !sdk.Client.Assign(BanditServing.Key, u).InExperiment);
        var local = sdk.Client.Assign(BanditServing.Key, outside);
        Assert.Equal(("control", "not_exposed", (int?)null, (double?)null), (local.ArmName, local.Status, local.BanditPeriod, local.Propensity));
        var remote = await ServerHarness.JsonAsync(await server.Sdk.PostAsJsonAsync("/api/v1/assign", new { experiment = BanditServing.Key, unit_id = outside }, cancellationToken));
        Assert.Equal(("control", false, "not_exposed", false), (remote.GetProperty("arm").GetString(), remote.GetProperty("in_experiment").GetBoolean(), remote.GetProperty("status").GetString(), remote.TryGetProperty("bandit_period", out _)));
        Assert.False(sdk.Client.LogExposure(local));

        // No rewards: period 1 opens with the weights unchanged (minimum sample), and then the two cohorts fill the space.
        server.Time.Advance(TimeSpan.FromDays(1));
        Assert.False(Assert.Single(await runner.RunOnceAsync(cancellationToken)).Weights.Updated);
        await sdk.Poller.PollAsync(cancellationToken);
        Assert.Equal((true, 1), (sdk.Client.Assign(BanditServing.Key, outside).InExperiment, sdk.Client.Assign(BanditServing.Key, outside).BanditPeriod));
        for (var day = 0; day < 3; day++)
        {
            server.Time.Advance(TimeSpan.FromDays(1));
            Assert.Empty(await runner.RunOnceAsync(cancellationToken));
        }

        var lines = server.Registry.Audit(BanditServing.Key).Where(a => a.Actor == BanditRunner.Actor).Select(a => a.Action).ToList();
        Assert.Equal([BanditLedger.Action, BanditLedger.ExhaustedAction], lines);
        Assert.Equal(2, (await BanditServing.ConfigAsync(server)).Experiment.Bandit!.Periods.Count);
    }

    [Fact]
    public async Task Events_BanditExposureOffTheSchedule_Is400AtItsLine()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var server = await ServerHarness.StartAsync("duckdb", o => new ServerOptions { OpenStore = o.OpenStore, Urls = o.Urls, Time = o.Time, MonitorInterval = null, BanditInterval = null });
        await BanditServing.CreateAndStartAsync(server);
        var schedule = server.Registry.Served[BanditServing.Key].BanditSchedule!;
        var unit = Enumerable.Range(0, 100).Select(i => $"u-{i}").First(u => schedule.Assign(u).IsEnrolled);
        var arm = schedule.Arms[schedule.Assign(unit).Arm];
        var other = arm == "control" ? "treatment" : "control";
        var at = server.Time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        string Row(string armName, string attributes) =>
            $$"""{"type":"exposure","experiment":"{{BanditServing.Key}}","version":1,"unit_id":"{{unit}}","arm":"{{armName}}","timestamp":"{{at}}","attributes":{{attributes}}}""";

        foreach (var (row, says) in new[] { (Row(arm, "{}"), "must carry bandit_period"), (Row(other, """{"bandit_period":"0"}"""), "serves it"), (Row(arm, """{"bandit_period":"3"}"""), "serves it") })
        {
            var response = await server.Sdk.PostAsync("/api/v1/events", new StringContent("{\"type\":\"event\",\"name\":\"x\",\"unit_id\":\"a\",\"timestamp\":\"" + at + "\",\"idempotency_key\":\"k\"}\n" + row), cancellationToken);
            Assert.Equal(400, (int)response.StatusCode);
            var problem = await ServerHarness.JsonAsync(response);
            Assert.Equal((2, "attributes"), (problem.GetProperty("line").GetInt32(), problem.GetProperty("field").GetString()));
            Assert.Contains(says, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        var good = await server.Sdk.PostAsync("/api/v1/events", new StringContent(Row(arm, """{"bandit_period":"0","bandit_propensity":"0.5"}""")), cancellationToken);
        Assert.Equal(200, (int)good.StatusCode);
        Assert.Equal(1, server.Count("exposures"));
    }

    [Fact]
    public async Task Create_MalformedBanditBlock_Is422NamingTheField()
    {
        await using var server = await ServerHarness.StartAsync("duckdb");
        var response = await server.Admin.PostAsJsonAsync("/api/v1/experiments", new { brief = BanditServing.Brief("bandit:\n  period: 1d\n  min_weight: 0.7\n"), files = new Dictionary<string, string>() }, TestContext.Current.CancellationToken);
        Assert.Equal(422, (int)response.StatusCode);
        var problem = await ServerHarness.JsonAsync(response);
        Assert.Contains("bandit.min_weight", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
