using System.ClientModel;
using System.ClientModel.Primitives;
using System.CommandLine;
using Microsoft.Extensions.AI;
using OpenAI;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Shadow;
using Verdict.Cli.Commands.Briefs;
using Verdict.Cli.Commands.Store;
using Verdict.Experiments.Analysis.Shadow;
using Verdict.Experiments.Briefs;
using Verdict.Storage.Shadow;

namespace Verdict.Cli.Commands.Shadow;

/// <summary>
/// <c>verdict shadow report brief.yaml --store … [--judge-endpoint URL --judge-model M] [--json]</c>: compares the paired
/// <c>shadow_call</c> events of the brief's version (docs/cli.md, "verdict shadow report"): latency warm and cold apart,
/// cost, errors, and optionally the arena's pairwise judge on the answers in both orders.
/// </summary>
public static class ShadowCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("shadow", "Read what a shadow stage logged (docs/monitor.md, \"The ladder\").");
        command.Subcommands.Add(Report(context));
        return command;
    }

    private static Command Report(CliContext context)
    {
        var brief = new Argument<string>("brief") { Description = "The experiment brief (brief.yaml) whose shadow calls to compare" };
        var store = StoreOptions.Store();
        var from = new Option<string?>("--from") { Description = "Only calls at or after this time (ISO-8601, UTC)" };
        var to = new Option<string?>("--to") { Description = "Only calls before this time (ISO-8601, UTC)" };
        var limit = new Option<int>("--limit") { Description = "The most shadow calls read (default 200000)", DefaultValueFactory = _ => 200_000 };
        var judgeEndpoint = new Option<string?>("--judge-endpoint") { Description = "An OpenAI-compatible base URL (…/v1) for the pairwise judge; without it nothing is judged" };
        var judgeModel = new Option<string?>("--judge-model") { Description = "The judge's model id (required with --judge-endpoint)" };
        var judgeKeyEnv = new Option<string?>("--judge-key-env") { Description = "The environment variable holding the judge's API key (default: none sent)" };
        var judgePairs = new Option<int>("--judge-pairs") { Description = "The most pairs judged per treatment arm, the first in pair-id order (default 200)", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON object (docs/cli.md, \"verdict shadow report\")" };
        var unlocked = LockGate.Option();
        var command = new Command("report", "Compare the paired shadow calls of a brief's version: latency (warm and cold starts apart), cost, errors, and the pairwise judge's preference in both orders.\n\nExample:\n  verdict shadow report examples/support-bot/brief.yaml --store verdict.duckdb --judge-endpoint http://127.0.0.1:11434/v1 --judge-model qwen2.5:7b")
        {
            brief, store, from, to, limit, judgeEndpoint, judgeModel, judgeKeyEnv, judgePairs, json, unlocked,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var path = parse.GetValue(brief)!;
            var loaded = BriefInput.Load(path).Brief!;
            var warning = LockGate.Enforce(path, loaded, parse.GetValue(unlocked));
            var (start, end) = (AnalysisRun.ParseAsOf(parse.GetValue(from)), AnalysisRun.ParseAsOf(parse.GetValue(to)));
            var max = parse.GetValue(limit);
            if (max < 1)
            {
                throw new CliException($"--limit: must be at least 1, got {max}");
            }

            var judge = Judge(parse.GetValue(judgeEndpoint), parse.GetValue(judgeModel), parse.GetValue(judgeKeyEnv), parse.GetValue(judgePairs));
            IReadOnlyList<ShadowCall> calls;
            using (var opened = StoreOptions.OpenExisting(parse.GetValue(store)!))
            {
                calls = SqlShadowCalls.Load(opened, loaded, start, end, max);
            }

            var alpha = loaded.Analysis.Alpha;
            var arms = ShadowComparison.Compare(loaded, calls, alpha);
            if (judge is { } j)
            {
                using (j.Client)
                {
                    arms = await JudgeAsync(j.Client, j.Info, loaded, calls, arms, alpha, cancellationToken).ConfigureAwait(false);
                }
            }

            var report = new ShadowReportDocument(loaded.Key, loaded.Version, calls.Count, calls.Count == max, start, end, alpha, judge?.Info, arms, warning is null ? [] : [$"exploratory: {warning}"]);
            if (parse.GetValue(json))
            {
                JsonOutput.Write(context.Out, report);
            }
            else
            {
                ShadowText.Write(context.Out, report);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static (IChatClient Client, ShadowJudgeInfo Info)? Judge(string? endpoint, string? model, string? keyEnv, int pairs)
    {
        if (endpoint is null)
        {
            return model is null ? null : throw new CliException("--judge-model: give --judge-endpoint too (the judge's OpenAI-compatible URL)");
        }

        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            throw new CliException($"--judge-endpoint: expected an http(s) URL such as http://127.0.0.1:11434/v1, got \"{endpoint}\"");
        }

        if (string.IsNullOrWhiteSpace(model))
        {
            throw new CliException("--judge-model: required with --judge-endpoint");
        }

        if (pairs < 1)
        {
            throw new CliException($"--judge-pairs: must be at least 1, got {pairs}");
        }

        var key = "no-key";
        if (keyEnv is not null)
        {
            key = Environment.GetEnvironmentVariable(keyEnv) is { Length: > 0 } value ? value : throw new CliException($"--judge-key-env: the variable {keyEnv} is not set");
        }

        var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = uri, RetryPolicy = new ClientRetryPolicy(maxRetries: 2) });
        return (client.GetChatClient(model).AsIChatClient(), new ShadowJudgeInfo(endpoint, model, pairs));
    }

    private static async Task<IReadOnlyList<ShadowArmComparison>> JudgeAsync(IChatClient judge, ShadowJudgeInfo info, ExperimentBrief brief, IReadOnlyList<ShadowCall> calls, IReadOnlyList<ShadowArmComparison> arms, double alpha, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { Temperature = 0, ModelId = info.Model };
        var pairs = ShadowComparison.Pairs(brief, calls);
        var judged = new List<ShadowArmComparison>();
        foreach (var arm in arms)
        {
            // Only pairs where both calls answered: an error has nothing to judge (errors are compared above).
            var answered = pairs[arm.Arm].Where(p => p.Control.Error is null && p.Treatment.Error is null).Take(info.MaxPairs).ToList();
            var results = new List<PairwiseJudgement>();
            foreach (var (control, treatment) in answered)
            {
                results.Add(await ShadowPairJudge.JudgeAsync(judge, control.Pair, control.Output ?? string.Empty, treatment.Output ?? string.Empty, options, cancellationToken).ConfigureAwait(false));
            }

            var ok = results.Where(r => r.Error is null).ToList();
            judged.Add(arm with
            {
                Preference = ShadowPreference.From(
                    ok.Count(r => r.Outcome == PairwiseOutcome.TreatmentWins),
                    ok.Count(r => r.Outcome == PairwiseOutcome.ControlWins),
                    ok.Count(r => r.Outcome == PairwiseOutcome.Tie),
                    ok.Count(r => r.PositionInconsistent),
                    results.Count - ok.Count,
                    alpha),
            });
        }

        return judged;
    }
}
