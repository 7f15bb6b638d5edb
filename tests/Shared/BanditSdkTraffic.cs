using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Verdict.Client;
using Verdict.Client.Config;
using Verdict.Client.Events;

namespace Verdict.Testing;

/// <summary>One unit a bandit enrolled through the real SDK: its arm, enrolling period, logged propensity and whether it was rewarded.</summary>
internal readonly record struct BanditServedUnit(string Unit, string Arm, int Period, double Propensity, bool Reward);

/// <summary>
/// The real .NET SDK against a running server for bandit tests: it polls the config, assigns locally, logs exposures
/// (with the bandit attributes it adds) and rewards, and drains its queue to <c>POST /api/v1/events</c>.
/// </summary>
internal sealed class BanditSdkTraffic(HttpClient sdkHttp, Uri server, FakeTimeProvider time)
{
    /// <summary>The prompt-bandit brief's reward event.</summary>
    public const string RewardEvent = "conversation_solved";

    private readonly EventQueue queue = new(100_000, NullLogger.Instance, time);
    private readonly VerdictClientOptions options = new() { ServerUrl = server, ApiKey = "unused", QueueCapacity = 100_000 };

    /// <summary>The config poller the client assigns from.</summary>
    public ConfigPoller Poller { get; } = new(sdkHttp, time, NullLogger.Instance);

    /// <summary>The client.</summary>
    public VerdictClient Client => new(Poller, queue, time, options);

    /// <summary>
    /// Offers <paramref name="candidates"/> units <c>{prefix}-{i}</c> to the bandit: the enrolled ones are exposed now,
    /// and one minute later rewarded with their arm's probability in <paramref name="rates"/> (seeded); then everything
    /// is sent to the server.
    /// </summary>
    public async Task<List<BanditServedUnit>> ServeAsync(string experiment, string prefix, int candidates, IReadOnlyList<double> rates, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        var client = Client;
        var served = new List<BanditServedUnit>();
        var arms = Poller.Current.Experiments[experiment].Config.Arms.Select(a => a.Name).ToList();
        for (var i = 0; i < candidates; i++)
        {
            var assignment = client.Assign(experiment, $"{prefix}-{i:D5}");
            if (!assignment.InExperiment)
            {
                continue;
            }

            client.LogExposure(assignment);
            var arm = arms.IndexOf(assignment.ArmName!);
            served.Add(new BanditServedUnit(assignment.UnitId, assignment.ArmName!, assignment.BanditPeriod!.Value, assignment.Propensity!.Value, random.NextDouble() < rates[arm]));
        }

        time.Advance(TimeSpan.FromMinutes(1));
        foreach (var unit in served.Where(u => u.Reward))
        {
            client.Track(RewardEvent, unit.Unit);
        }

        await new EventSender(sdkHttp, queue, options, NullLogger.Instance, time).DrainAsync(cancellationToken);
        return served;
    }
}
