using System.Net;
using System.Net.Http.Headers;
using Verdict.Arena.Configuration;
using Verdict.Arena.Providers;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>The run's HTTP pipeline: the server's wait read on the injected clock, and one limiter bounding the calls in flight.</summary>
public sealed class ArenaHttpTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private static TimeSpan? RetryAfter(Action<HttpResponseHeaders> headers)
    {
        using var http = new ArenaHttp(new ExecutionSpec(), 1, new CallMeter(), new FixedClock(Now));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        headers(response.Headers);
        return http.RetryAfter(response);
    }

    [Fact]
    public void RetryAfter_HttpDate_IsReadAgainstTheInjectedClock() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(30))));

    [Fact]
    public void RetryAfter_Seconds_AreTheWait() =>
        Assert.Equal(TimeSpan.FromSeconds(2), RetryAfter(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(2))));

    [Fact]
    public void RetryAfter_Milliseconds_WinOverSeconds() =>
        Assert.Equal(TimeSpan.FromMilliseconds(250), RetryAfter(h =>
        {
            h.Add("retry-after-ms", "250");
            h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(5));
        }));

    [Fact]
    public void RetryAfter_PastDateOrBeyondTheCap_IsClamped()
    {
        Assert.Equal(TimeSpan.Zero, RetryAfter(h => h.RetryAfter = new RetryConditionHeaderValue(Now.AddSeconds(-30))));
        Assert.Equal(ArenaHttp.MaxDelay, RetryAfter(h => h.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1))));
    }

    [Fact]
    public void RetryAfter_NoHeader_IsNullSoTheBackoffApplies() => Assert.Null(RetryAfter(_ => { }));

    [Fact]
    public async Task RunAsync_Concurrency2_NeverMoreThanTwoCallsInFlight()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        server.ChatDelay = TimeSpan.FromMilliseconds(100);
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: "  - kind: json"), SeedDuel.GoldenJsonl());

        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 2), TestContext.Current.CancellationToken);

        Assert.Equal(10, server.ChatCalls);
        Assert.Equal(2, server.MaxInFlight);
        Assert.Equal(10, run.Progress.NetworkCalls);
    }

    /// <summary>A clock standing still at one instant.</summary>
    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
