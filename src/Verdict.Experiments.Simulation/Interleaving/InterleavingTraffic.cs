using System.Globalization;
using Verdict.Assignment.Interleaving;
using Verdict.Experiments.Events;

namespace Verdict.Experiments.Simulation.Interleaving;

/// <summary>
/// Seeded interleaving traffic (the demo and tests): users issue 1–8 queries each; every query
/// draws the click model's candidates and rankings (<see cref="InterleavingSimulationOptions"/>), is interleaved by
/// <see cref="InterleavingAssigner"/> exactly as a ranking service would, and writes an <c>interleaving_impression</c>
/// event and one <c>interleaving_click</c> per click with the clicked item's team (docs/events.md).
/// </summary>
public static class InterleavingTraffic
{
    /// <summary>Writes the events to <paramref name="sink"/>; returns the number of queries.</summary>
    public static long Write(string experiment, string salt, int users, InterleavingSimulationOptions clickModel, DateTimeOffset start, IEventSink sink)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        ArgumentNullException.ThrowIfNull(clickModel);
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentOutOfRangeException.ThrowIfNegative(users);
        clickModel.Validate();
        var assigner = new InterleavingAssigner(salt);
        var query = new ClickModelQuery(clickModel);
        long queries = 0;
        for (var u = 0; u < users; u++)
        {
            var user = string.Create(CultureInfo.InvariantCulture, $"user-{u:D6}");
            var random = new UnitRandom(clickModel.Seed, u);
            var count = 1 + (int)(random.NextBits() % 8);
            for (var q = 0; q < count; q++)
            {
                var queryId = string.Create(CultureInfo.InvariantCulture, $"{user}-q{q}");
                var at = start.AddSeconds(queries++);
                query.Draw(ref random);
                query.InterleaveAndClick(ref random, assigner.Coins(user, queryId));
                sink.Add(Event("interleaving_impression", experiment, user, queryId, null, at, $"{queryId}:impression"));
                foreach (var position in query.ClickedPositions)
                {
                    var team = query.Shown[position].Team == InterleavingTeam.A ? "A" : "B";
                    sink.Add(Event("interleaving_click", experiment, user, queryId, team, at.AddSeconds(1 + position), string.Create(CultureInfo.InvariantCulture, $"{queryId}:click:{position}")));
                }
            }
        }

        return queries;
    }

    private static OutcomeEvent Event(string name, string experiment, string user, string queryId, string? team, DateTimeOffset at, string key)
    {
        var properties = new Dictionary<string, string>(StringComparer.Ordinal) { ["experiment"] = experiment, ["query_id"] = queryId };
        if (team is not null)
        {
            properties["team"] = team;
        }

        return new OutcomeEvent(name, user, at, null, properties, key);
    }
}
