using System.Globalization;
using System.Text.Json;
using Verdict.Arena.Tests.Server;

namespace Verdict.Arena.Tests;

/// <summary>
/// Seed 001's five-question duel scripted on the loopback server: Prompt A ("Be helpful.") and Prompt B (cite the
/// policy, use the name), the rubric scores of the seed's table, and a judge preferring B on q1–q4 and tying on q5.
/// </summary>
internal static class SeedDuel
{
    public const string PromptA = "Be helpful.";
    public const string PromptB = "Be helpful, cite the relevant policy, and use the customer's name.";

    public static readonly string[] Questions =
    [
        "My package hasn't arrived. It's been 8 days.",
        "I want to return a shoe I bought last month. The box is opened.",
        "Why was I charged twice for order #44129?",
        "Can I change the delivery address for my pending order?",
        "The item I received is damaged. What are my options?",
    ];

    /// <summary>(clarity, accuracy, policy) per question from the seed's table.</summary>
    public static readonly int[][] ScoresA = [[3, 4, 1], [4, 3, 1], [3, 2, 1], [4, 4, 1], [3, 3, 1]];

    public static readonly int[][] ScoresB = [[4, 4, 5], [4, 4, 4], [4, 4, 5], [5, 5, 5], [4, 4, 4]];

    public static readonly string[] Axes = ["clarity", "accuracy", "policy_citation"];

    public static string Output(string variant, int question) => variant == "A"
        ? $"A-answer {question}: we will look into it."
        : $"B-answer {question}: per Policy §{question}.1 (https://help.example.com/policy/{question}) we will fix it, dear customer.";

    public static string GoldenJsonl(IReadOnlyList<string>? humanPairwise = null) => string.Join("\n", Questions.Select((q, i) =>
        JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = $"q{i + 1}",
            ["input"] = q,
            ["reference"] = Output("B", i + 1),
            ["human"] = humanPairwise is null ? null : new Dictionary<string, string> { ["pairwise"] = humanPairwise[i] },
        }))) + "\n";

    public static string ArenaYaml(string baseUrl, string extra = "", string evaluators = DefaultEvaluators) => $"""
        name: seed-duel
        dataset: golden.jsonl
        control: A
        treatment: B
        variants:
          - name: A
            endpoint: {baseUrl}
            model: test-model
            system_prompt: "{PromptA}"
            prompt_version: a-v1
          - name: B
            endpoint: {baseUrl}
            model: test-model
            system_prompt: "{PromptB}"
            prompt_version: b-v1
        judge:
          endpoint: {baseUrl}
          model: judge-model
          seed: 7
        evaluators:
        {evaluators}
        execution:
          concurrency: 4
          timeout_seconds: 5
          max_retries: 3
          backoff_seconds: 0.01
        {extra}
        """;

    public const string DefaultEvaluators = """
          - kind: rubric
            axes:
              - name: clarity
                anchors: {1: Confusing or vague, 3: Readable but wordy, 5: Direct and easy to follow}
              - name: accuracy
                anchors: {1: Wrong policy or fact, 3: Mostly correct, 5: Fully correct and complete}
              - name: policy_citation
                anchors: {1: No citation, 3: Vague mention, 5: Exact policy cited with link}
          - kind: pairwise
        """;

    /// <summary>The scripted behaviour: variant outputs, rubric scores and pairwise verdicts of the seed.</summary>
    public static ScriptedReply Respond(ChatCall call) => new(Content(call));

    public static string Content(ChatCall call)
    {
        var question = Array.FindIndex(Questions, q => call.User.Contains(q, StringComparison.Ordinal)) + 1;
        if (call.System == PromptA) { return Output("A", question); }
        if (call.System == PromptB) { return Output("B", question); }
        if (call.System.Contains("grading one response", StringComparison.Ordinal))
        {
            var graded = call.User[(call.User.IndexOf("Response to grade:", StringComparison.Ordinal) + 19)..];
            return RubricReply(graded.StartsWith("A-", StringComparison.Ordinal) ? ScoresA[question - 1] : ScoresB[question - 1]);
        }

        var responses = Responses(call);
        var firstIsB = responses.IndexOf("B-answer", StringComparison.Ordinal) < responses.IndexOf("A-answer", StringComparison.Ordinal);
        var winner = question == 5 ? "tie" : firstIsB ? "1" : "2";
        return PairwiseReply(winner);
    }

    /// <summary>The part of a pairwise prompt after the question and reference: the two responses.</summary>
    public static string Responses(ChatCall call) => call.User[call.User.IndexOf("Response 1:", StringComparison.Ordinal)..];

    public static string RubricReply(int[] scores) => JsonSerializer.Serialize(new
    {
        scores = Axes.Select((axis, i) => (axis, i)).ToDictionary(x => x.axis, x => new { score = scores[x.i], reason = $"{x.axis} is {scores[x.i]}" }),
    });

    public static string PairwiseReply(string winner) => JsonSerializer.Serialize(new { winner, reason = "scripted" });

    public static string Invariant(double value) => value.ToString(CultureInfo.InvariantCulture);
}
