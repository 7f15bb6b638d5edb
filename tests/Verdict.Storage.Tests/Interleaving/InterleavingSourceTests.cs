using Verdict.Experiments.Events;
using Verdict.Statistics.Interleaving;
using Verdict.Storage.DuckDb;
using Verdict.Storage.Interleaving;
using Xunit;

namespace Verdict.Storage.Tests.Interleaving;

/// <summary>Every backend: the per-user interleaving sums SQL returns equal those computed directly from the same events.</summary>
public abstract class InterleavingSourceTests : IDisposable
{
    private readonly List<EventStore> stores = [];

    protected abstract EventStore CreateStore();

    public void Dispose()
    {
        foreach (var store in stores)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public void Load_ImpressionsAndClicks_MatchDirectTally()
    {
        var store = CreateStore();
        stores.Add(store);
        var random = new Random(12);
        var users = new List<InterleavingTally>();
        var start = new DateTimeOffset(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
        var n = 0;
        using (var loader = store.BeginLoad())
        {
            for (var u = 0; u < 40; u++)
            {
                var tally = default(InterleavingTally);
                for (var q = 0; q < 1 + random.Next(6); q++)
                {
                    var query = $"u{u}-q{q}";
                    loader.Add(Event("interleaving_impression", $"u{u}", query, null, start.AddSeconds(n++)));
                    int a = 0, b = 0;
                    for (var click = 0; click < random.Next(4); click++)
                    {
                        var team = random.NextDouble() < 0.55 ? "B" : "A";
                        loader.Add(Event("interleaving_click", $"u{u}", query, team, start.AddSeconds(n++)));
                        a += team == "A" ? 1 : 0;
                        b += team == "B" ? 1 : 0;
                    }

                    tally += InterleavingTally.Of(InterleavingTally.Outcome(a, b));
                }

                users.Add(tally);
            }

            // Another experiment's events must not count.
            loader.Add(Event("interleaving_click", "u0", "u0-q0", "A", start, experiment: "other"));
            loader.Commit();
        }

        var expected = ClusteredInterleavingTally.From(users);
        var actual = new SqlInterleavingSource(store).Load("search-ranker");
        Assert.Equal(expected, actual);
        Assert.Equal(default, new SqlInterleavingSource(store).Load("search-ranker", start.AddSeconds(-1)));
    }

    private static OutcomeEvent Event(string name, string user, string query, string? team, DateTimeOffset at, string experiment = "search-ranker")
    {
        var properties = new Dictionary<string, string> { ["experiment"] = experiment, ["query_id"] = query };
        if (team is not null)
        {
            properties["team"] = team;
        }

        return new OutcomeEvent(name, user, at, null, properties, $"{experiment}:{user}:{name}:{at.ToUnixTimeSeconds()}");
    }
}

public sealed class DuckDbInterleavingSourceTests : InterleavingSourceTests
{
    protected override EventStore CreateStore() => DuckDbEventStore.Open(":memory:");
}

public sealed class PostgresInterleavingSourceTests : InterleavingSourceTests
{
    protected override EventStore CreateStore() => Postgres.PostgresEventStore.Open(TestEnvironment.NewPostgresDatabase());
}
