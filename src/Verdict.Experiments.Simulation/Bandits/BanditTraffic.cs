using System.Globalization;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Events;

namespace Verdict.Experiments.Simulation.Bandits;

/// <summary>
/// Seeded traffic for one period of a bandit (the demo and tests): candidate units are served by the state's schedule,
/// those the period's cohort enrols get an exposure carrying <c>bandit_period</c> and, with their arm's true success
/// rate, a reward event one minute later — or, with a maximum delay, after a delay drawn uniformly between one minute
/// and it (rewards that arrive late). Unit u of period p is <c>{prefix}-{p}-{u:D6}</c>, exposed u seconds after start.
/// </summary>
public static class BanditTraffic
{
    /// <summary>Writes period <paramref name="period"/>'s traffic to <paramref name="sink"/>; returns the units enrolled.</summary>
    public static int Serve(BanditState state, int period, int candidates, IReadOnlyList<double> trueRates, string rewardEvent, DateTimeOffset start, int seed, IEventSink sink, string prefix = "customer", TimeSpan? maxRewardDelay = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(trueRates);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentException.ThrowIfNullOrEmpty(rewardEvent);
        ArgumentOutOfRangeException.ThrowIfNegative(candidates);
        if (maxRewardDelay is { } longest)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(longest, TimeSpan.FromMinutes(1), nameof(maxRewardDelay));
        }
        if (trueRates.Count != state.Arms.Count)
        {
            throw new ArgumentException($"Expected {state.Arms.Count} true rates, got {trueRates.Count}.", nameof(trueRates));
        }

        var schedule = state.ToSchedule();
        var enrolled = 0;
        var attributes = new Dictionary<string, string> { [BanditUpdater.PeriodAttribute] = period.ToString(CultureInfo.InvariantCulture) };
        for (var u = 0; u < candidates; u++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}-{period}-{u:D6}");
            var assignment = schedule.Assign(id);
            if (assignment.Period != period)
            {
                continue;
            }

            enrolled++;
            var at = start.AddSeconds(u);
            sink.Add(new ExposureRecord(state.Experiment, state.Version, id, state.Arms[assignment.Arm], at, null, attributes));
            var random = new UnitRandom(seed, ((long)period << 32) | (uint)u);
            if (random.NextDouble() < trueRates[assignment.Arm])
            {
                var delay = maxRewardDelay is { } max ? TimeSpan.FromMinutes(1) + ((max - TimeSpan.FromMinutes(1)) * random.NextDouble()) : TimeSpan.FromMinutes(1);
                sink.Add(new OutcomeEvent(rewardEvent, id, at + delay, null, new Dictionary<string, string>(), $"{id}:{rewardEvent}:1"));
            }
        }

        return enrolled;
    }
}
