using System.Diagnostics;
using Verdict.Arena.Analysis;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>Retries on 429 and 5xx, Retry-After, per-call timeouts and malformed judge replies, over HTTP.</summary>
public sealed class ResilienceTests
{
    private const string NoJudge = "  - kind: not_contains\n    value: forbidden";

    private static string OneCase => """{"id":"q1","input":"My package hasn't arrived. It's been 8 days."}""" + "\n";

    [Fact]
    public async Task RunAsync_429WithRetryAfter_WaitsAndRetries()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        server.Enqueue(ScriptedReply.Error(429, retryAfter: "1"));
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge), OneCase);

        var clock = Stopwatch.StartNew();
        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), TestContext.Current.CancellationToken);

        // backoff_seconds is 0.01, so waiting about a second can only come from Retry-After.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(0.9), $"took {clock.Elapsed}");
        Assert.Equal(3, server.ChatCalls);
        Assert.Equal(1, run.Progress.Retries);
        Assert.All(run.Cases[0].Variants, v => Assert.True(v.Reply.Succeeded));
        Assert.Contains(run.Cases[0].Variants, v => v.Reply.Attempts == 2);
    }

    [Fact]
    public async Task RunAsync_503ThenSuccess_RetriesWithBackoff()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        server.Enqueue(ScriptedReply.Error(503), ScriptedReply.Error(500));
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge), OneCase);

        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), TestContext.Current.CancellationToken);

        Assert.Equal(4, server.ChatCalls);
        Assert.Equal(2, run.Progress.Retries);
        Assert.All(run.Cases[0].Variants, v => Assert.True(v.Reply.Succeeded));
    }

    [Fact]
    public async Task RunAsync_400_IsNotRetriedAndIsRecordedAsError()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = _ => ScriptedReply.Error(400);
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge), OneCase);

        var run = await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken);

        Assert.Equal(2, server.ChatCalls);
        Assert.All(run.Cases[0].Variants, v => Assert.Contains("HTTP 400", v.Reply.Error, StringComparison.Ordinal));
        Assert.Equal(2, run.Progress.Errors);
    }

    [Fact]
    public async Task RunAsync_SlowReply_TimesOutAndRetries()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = SeedDuel.Respond;
        server.Enqueue(new ScriptedReply("too late", Delay: TimeSpan.FromSeconds(6)));
        using var directory = new ArenaDirectory();
        // 1.5 s leaves room for a first call's JIT on a busy machine; the scripted reply takes 6 s.
        var yaml = SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge).Replace("timeout_seconds: 5", "timeout_seconds: 1.5", StringComparison.Ordinal);
        var spec = directory.Arena(yaml, OneCase);

        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), TestContext.Current.CancellationToken);

        Assert.Equal(3, server.ChatCalls);
        Assert.All(run.Cases[0].Variants, v => Assert.True(v.Reply.Succeeded));
        Assert.DoesNotContain(run.Cases[0].Variants, v => v.Reply.Text == "too late");
    }

    [Fact]
    public async Task RunAsync_AlwaysSlow_RecordsTimeoutAsError()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = _ => new ScriptedReply("late", Delay: TimeSpan.FromSeconds(2));
        using var directory = new ArenaDirectory();
        var yaml = SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge)
            .Replace("timeout_seconds: 5", "timeout_seconds: 0.2", StringComparison.Ordinal)
            .Replace("max_retries: 3", "max_retries: 1", StringComparison.Ordinal);
        var spec = directory.Arena(yaml, OneCase);

        var run = await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken);

        Assert.All(run.Cases[0].Variants, v => Assert.Equal("timed out", v.Reply.Error));
        Assert.All(run.Cases[0].Variants, v => Assert.Equal(2, v.Reply.Attempts));
    }

    [Fact]
    public async Task RunAsync_MalformedJudgeJsonThenValid_RetriesAndScores()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        var malformed = 0;
        server.Responder = call =>
        {
            if (call.System.Contains("grading one response", StringComparison.Ordinal) && Interlocked.Increment(ref malformed) <= 2)
            {
                return new ScriptedReply(malformed == 1 ? "Sure! clarity: 4" : """{"scores": {"clarity": {"score": 9, "reason": "x"}}}""");
            }

            return SeedDuel.Respond(call);
        };
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), OneCase);

        var run = await ArenaRunner.RunAsync(spec, directory.Options(concurrency: 1), TestContext.Current.CancellationToken);

        Assert.All(run.Cases[0].Variants, v => Assert.NotNull(v.Rubric));
        Assert.Equal(2, run.Progress.Retries);
        Assert.Equal(0, run.Progress.Errors);
    }

    [Fact]
    public async Task RunAsync_JudgeAlwaysMalformed_RecordsErrorNeverAScore()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = call => call.System.Contains("grading one response", StringComparison.Ordinal)
            ? new ScriptedReply("""{"scores": {"clarity": {"score": "four", "reason": "?"}}}""")
            : SeedDuel.Respond(call);
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl), OneCase);

        var result = ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(spec, directory.Options(), TestContext.Current.CancellationToken));

        Assert.All(result.Run.Cases[0].Variants, v => Assert.Null(v.Rubric));
        Assert.All(result.Run.Cases[0].Variants, v => Assert.Contains(v.Errors, e => e.Contains("malformed judge reply after 3 attempts", StringComparison.Ordinal)));
        Assert.All(result.Variants, v => Assert.All(v.Metrics, m => Assert.Equal(0, m.Count)));
        // 2 generations + 2 × 3 rubric attempts + 2 pairwise orders; malformed replies are never cached.
        Assert.Equal(10, server.ChatCalls);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsPromptly()
    {
        await using var server = await ScriptedOpenAIServer.StartAsync();
        server.Responder = _ => new ScriptedReply("slow", Delay: TimeSpan.FromSeconds(4));
        using var directory = new ArenaDirectory();
        var spec = directory.Arena(SeedDuel.ArenaYaml(server.BaseUrl, evaluators: NoJudge), SeedDuel.GoldenJsonl());
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancellation.CancelAfter(TimeSpan.FromMilliseconds(300));

        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ArenaRunner.RunAsync(spec, directory.Options(), cancellation.Token));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3.5), $"took {clock.Elapsed}");
    }
}
