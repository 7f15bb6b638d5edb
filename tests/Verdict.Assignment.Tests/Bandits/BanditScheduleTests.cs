using Verdict.Assignment.Bandits;

namespace Verdict.Assignment.Tests.Bandits;

/// <summary>Bandit serving: pinned to the Python reference of docs/bandits.md, and no enrolled unit ever changes arm.</summary>
public sealed class BanditScheduleTests
{
    [Fact]
    public void Assign_PinnedUnits_MatchPythonReference()
    {
        var r = ScheduleReference.Value;
        var weights = r.PeriodWeights.ToList();
        var schedule = new BanditSchedule(r.Salt, ["control", "treatment"], r.EnrollmentPerPeriod, weights);
        var enrolled = 0;
        foreach (var u in r.Units)
        {
            var a = schedule.Assign(u.Unit);
            Assert.Equal(u.Bucket, a.Bucket);
            Assert.Equal(u.Arm ?? -1, a.Arm);
            Assert.Equal(u.Period ?? -1, a.Period);
            Assert.Equal(u.Propensity, a.Propensity, 15);
            enrolled += a.IsEnrolled ? 1 : 0;
        }

        Assert.InRange(enrolled, 20, 200);
    }

    [Fact]
    public void WithPeriod_AnyNewWeights_NoEnrolledUnitMoves()
    {
        var random = new Random(5);
        var schedule = new BanditSchedule("s:v1", ["a", "b", "c"], 0.05, [[1 / 3.0, 1 / 3.0, 1 / 3.0]]);
        var units = Enumerable.Range(0, 20_000).Select(i => $"u{i}").ToArray();
        var before = units.Select(u => schedule.Assign(u)).ToArray();
        for (var period = 1; period < 20; period++)
        {
            var raw = new[] { random.NextDouble(), random.NextDouble(), random.NextDouble() };
            schedule = schedule.WithPeriod(raw.Select(x => x / raw.Sum()).ToArray());
            var after = units.Select(u => schedule.Assign(u)).ToArray();
            for (var i = 0; i < units.Length; i++)
            {
                if (before[i].IsEnrolled)
                {
                    Assert.Equal(before[i], after[i]);
                }
                else if (after[i].IsEnrolled)
                {
                    Assert.Equal(period, after[i].Period);
                }
            }

            before = after;
        }

        Assert.False(schedule.CanAddPeriod);
        Assert.All(before, a => Assert.True(a.IsEnrolled));
    }

    [Fact]
    public void Assign_ManyUnits_ArmSharesFollowPropensities()
    {
        var schedule = new BanditSchedule("s:v2", ["a", "b"], 0.5, [[0.2, 0.8]]);
        var enrolled = Enumerable.Range(0, 40_000).Select(i => schedule.Assign($"unit-{i}")).Where(a => a.IsEnrolled).ToList();
        var share = enrolled.Count(a => a.Arm == 0) / (double)enrolled.Count;
        Assert.Equal(0.2, enrolled[0].Arm == 0 ? enrolled[0].Propensity : 1 - enrolled[0].Propensity, 12);
        Assert.InRange(share, 0.2 - (4 * Math.Sqrt(0.16 / enrolled.Count)), 0.2 + (4 * Math.Sqrt(0.16 / enrolled.Count)));
    }

    [Fact]
    public void Constructor_MorePeriodsThanBuckets_Throws()
    {
        var weights = Enumerable.Repeat<IReadOnlyList<double>>([0.5, 0.5], 3).ToList();
        Assert.Throws<ArgumentException>(() => new BanditSchedule("s", ["a", "b"], 0.5, weights));
    }

    [Fact]
    public void Constructor_WeightsNotADistribution_Throws()
    {
        Assert.Throws<ArgumentException>(() => new BanditSchedule("s", ["a", "b"], 0.1, [[0.5, 0.6]]));
    }
}
