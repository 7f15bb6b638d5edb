using System.Globalization;
using System.Text;
using System.Text.Json;
using Verdict.Arena.Analysis;
using Verdict.Arena.Configuration;
using Verdict.Arena.Running;
using Verdict.Arena.Tests.Server;

namespace Verdict.Benchmarks.Arena;

/// <summary>
/// The arena benchmark's workload: N cases × 2 variants, a three-axis rubric judge and the pairwise judge in both
/// orders, against the loopback server answering every chat call after a fixed delay.
/// </summary>
public sealed class ArenaLoad : IAsyncDisposable
{
    private const string Rubric = """{"scores":{"clarity":{"score":4,"reason":"clear"},"accuracy":{"score":4,"reason":"right"},"policy_citation":{"score":5,"reason":"cited"}}}""";
    private const string Pairwise = """{"winner":"2","reason":"second is better"}""";

    private ArenaLoad(ScriptedOpenAIServer server, string directory, ArenaSpec spec, int cases)
    {
        Server = server;
        Directory = directory;
        Spec = spec;
        Cases = cases;
    }

    public ScriptedOpenAIServer Server { get; }

    public string Directory { get; }

    public ArenaSpec Spec { get; }

    public int Cases { get; }

    /// <summary>Model and judge calls one cold run makes: per case 2 generations, 2 rubric judgements, 2 duel orders.</summary>
    public int CallsPerRun => Cases * 6;

    /// <summary>The ideal time of a cold run: calls × delay / concurrency.</summary>
    public TimeSpan IdealBound(TimeSpan delay, int concurrency) => delay * CallsPerRun / concurrency;

    public static async Task<ArenaLoad> StartAsync(int cases, TimeSpan delay)
    {
        var server = await ScriptedOpenAIServer.StartAsync().ConfigureAwait(false);
        server.ChatDelay = delay;
        server.RecordCalls = false;
        server.Responder = call => new ScriptedReply(
            call.System.Contains("grading one response", StringComparison.Ordinal) ? Rubric
            : call.System.Contains("comparing two responses", StringComparison.Ordinal) ? Pairwise
            : $"{call.System[..1]}: an answer to {call.User}");
        var directory = Path.Combine(Path.GetTempPath(), "verdict-arena-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var golden = new StringBuilder();
        for (var i = 0; i < cases; i++)
        {
            golden.AppendLine(JsonSerializer.Serialize(new { id = $"c{i}", input = string.Create(CultureInfo.InvariantCulture, $"Question number {i}: where is my parcel?") }));
        }

        await File.WriteAllTextAsync(Path.Combine(directory, "golden.jsonl"), golden.ToString()).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "arena.yaml"), $"""
            name: bench
            dataset: golden.jsonl
            variants:
              - {"{"}name: A, endpoint: '{server.BaseUrl}', model: m, system_prompt: 'A: Be helpful.'{"}"}
              - {"{"}name: B, endpoint: '{server.BaseUrl}', model: m, system_prompt: 'B: Be helpful, cite the policy.'{"}"}
            judge: {"{"}endpoint: '{server.BaseUrl}', model: judge{"}"}
            evaluators:
              - kind: rubric
                axes:
                  - {"{"}name: clarity, anchors: {"{"}1: vague, 3: wordy, 5: direct{"}"}{"}"}
                  - {"{"}name: accuracy, anchors: {"{"}1: wrong, 3: mostly, 5: fully{"}"}{"}"}
                  - {"{"}name: policy_citation, anchors: {"{"}1: none, 3: vague, 5: exact{"}"}{"}"}
              - kind: pairwise
            execution: {"{"}timeout_seconds: 30, max_retries: 2{"}"}
            """).ConfigureAwait(false);
        return new ArenaLoad(server, directory, ArenaSpecLoader.Load(Path.Combine(directory, "arena.yaml")), cases);
    }

    /// <summary>Runs the arena with <paramref name="cacheDirectory"/> and analyzes it.</summary>
    public async Task<ArenaResult> RunAsync(string cacheDirectory, int concurrency) =>
        ArenaAnalyzer.Analyze(await ArenaRunner.RunAsync(Spec, new ArenaRunOptions { CacheDirectory = cacheDirectory, Concurrency = concurrency }).ConfigureAwait(false));

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync().ConfigureAwait(false);
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
