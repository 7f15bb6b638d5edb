using System.Text.Json;
using Microsoft.Extensions.AI;

namespace Verdict.Arena;

/// <summary>
/// Runs an arena: every variant on every golden case, then the deterministic checks, embedding similarity, the
/// rubric judge and the pairwise judge in both orders. Cases run concurrently; the number of calls in flight is
/// bounded by one limiter shared by every model, judge and embedding call.
/// </summary>
public static class ArenaRunner
{
    /// <summary>Runs <paramref name="spec"/> and returns the raw results.</summary>
    public static async Task<ArenaRun> RunAsync(ArenaSpec spec, ArenaRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(spec);
        options ??= new ArenaRunOptions();
        var cases = GoldenSetReader.Read(spec.Resolve(spec.Dataset));
        var execution = spec.Execution;
        var concurrency = options.Concurrency ?? execution.Concurrency;
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1, nameof(options));
        var meter = new CallMeter(options.Progress);
        var cache = options.NoCache ? null : new ResponseCache(options.CacheDirectory ?? execution.Cache);
        using var limiter = new SemaphoreSlim(concurrency, concurrency);
        var retry = new RetryPolicy
        {
            MaxRetries = execution.MaxRetries,
            BaseDelay = TimeSpan.FromSeconds(execution.BackoffSeconds),
            TimeProvider = options.TimeProvider,
        };
        var timeout = TimeSpan.FromSeconds(execution.TimeoutSeconds);
        var factory = new ProviderFactory(spec, cache, new ResilientCall(retry, timeout, limiter, meter), meter);
        var plan = await ArenaPlan.CreateAsync(spec, factory, timeout, cancellationToken).ConfigureAwait(false);
        meter.Plan(plan.CallsPerCase * cases.Count);

        var results = await Task.WhenAll(cases.Select(c => RunCaseAsync(plan, c, cancellationToken))).ConfigureAwait(false);
        var receipts = spec.Variants.ToDictionary(v => v.Name, VariantReceipt.For, StringComparer.Ordinal);
        var axes = plan.Rubric?.Axes.Select(a => a.Name).ToList() ?? [];
        return new ArenaRun(spec, results, receipts, axes, meter.Snapshot);
    }

    private static async Task<CaseResult> RunCaseAsync(ArenaPlan plan, GoldenCase goldenCase, CancellationToken cancellationToken)
    {
        var variants = await Task.WhenAll(plan.Variants.Select(v => RunVariantAsync(plan, v, goldenCase, cancellationToken))).ConfigureAwait(false);
        var pairwise = new Dictionary<string, PairwiseJudgement>(StringComparer.Ordinal);
        if (plan.Pairwise)
        {
            var control = variants.First(v => v.Variant == plan.Spec.ControlName);
            var duels = variants.Where(v => v.Variant != control.Variant)
                .Select(async challenger => (challenger.Variant, Judgement: await DuelAsync(plan, goldenCase, control, challenger, cancellationToken).ConfigureAwait(false)));
            foreach (var (name, judgement) in await Task.WhenAll(duels).ConfigureAwait(false))
            {
                pairwise[name] = judgement;
            }
        }

        return new CaseResult(goldenCase, variants, pairwise);
    }

    private static async Task<VariantCaseResult> RunVariantAsync(ArenaPlan plan, PlannedVariant variant, GoldenCase goldenCase, CancellationToken cancellationToken)
    {
        var request = new CallRequest($"{variant.Spec.Name}/{goldenCase.Id}", variant.Messages(goldenCase), variant.Options);
        var reply = await variant.Caller.CallAsync(request, cancellationToken: cancellationToken).ConfigureAwait(false);
        var errors = new List<string>();
        if (!reply.Succeeded)
        {
            errors.Add($"generation: {reply.Error}");
            return new VariantCaseResult(variant.Spec.Name, reply, [], null, null, errors);
        }

        var checks = plan.Checks.Where(c => c.Variants.Count == 0 || c.Variants.Contains(variant.Spec.Name))
            .Select(c => c.Evaluate(goldenCase, reply)).ToList();
        var similarityTask = SimilarityAsync(plan, goldenCase, reply.Text, errors, cancellationToken);
        var rubricTask = RubricAsync(plan, variant.Spec.Name, goldenCase, reply.Text, errors, cancellationToken);
        await Task.WhenAll(similarityTask, rubricTask).ConfigureAwait(false);
        return new VariantCaseResult(variant.Spec.Name, reply, checks, await similarityTask.ConfigureAwait(false), await rubricTask.ConfigureAwait(false), errors);
    }

    private static async Task<double?> SimilarityAsync(ArenaPlan plan, GoldenCase goldenCase, string output, List<string> errors, CancellationToken cancellationToken)
    {
        if (plan.Embedder is null)
        {
            return null;
        }

        if (goldenCase.Reference is null)
        {
            lock (errors) { errors.Add("similarity: the case has no reference answer"); }
            return null;
        }

        var outputTask = plan.Embedder.EmbedAsync(output, cancellationToken);
        var referenceTask = plan.Embedder.EmbedAsync(goldenCase.Reference, cancellationToken);
        var (left, leftError) = await outputTask.ConfigureAwait(false);
        var (right, rightError) = await referenceTask.ConfigureAwait(false);
        if (left is null || right is null)
        {
            lock (errors) { errors.Add($"similarity: {leftError ?? rightError}"); }
            return null;
        }

        return SimilarityScore.Cosine(left, right);
    }

    private static async Task<IReadOnlyDictionary<string, AxisScore>?> RubricAsync(ArenaPlan plan, string variant, GoldenCase goldenCase, string output, List<string> errors, CancellationToken cancellationToken)
    {
        if (plan.Rubric is null)
        {
            return null;
        }

        var request = new CallRequest($"rubric/{variant}/{goldenCase.Id}", plan.Rubric.Messages(goldenCase, output), plan.JudgeOptions);
        var reply = await plan.Judge!.CallAsync(request, text => plan.Rubric.Parse(text) is not null, plan.Spec.Judge!.MaxAttempts, cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            lock (errors) { errors.Add($"rubric judge: {reply.Error}"); }
            return null;
        }

        return plan.Rubric.Parse(reply.Text);
    }

    private static async Task<PairwiseJudgement> DuelAsync(ArenaPlan plan, GoldenCase goldenCase, VariantCaseResult control, VariantCaseResult challenger, CancellationToken cancellationToken)
    {
        if (!control.Reply.Succeeded || !challenger.Reply.Succeeded)
        {
            return new PairwiseJudgement(goldenCase.Id, null, null, null, false, null, null, "a contender has no output");
        }

        static bool Accept(string text) => PairwiseJudge.Parse(text) is not null;
        var attempts = plan.Spec.Judge!.MaxAttempts;
        var first = plan.Judge!.CallAsync(
            new CallRequest($"pairwise/{control.Variant}/{challenger.Variant}/{goldenCase.Id}", PairwiseJudge.Messages(goldenCase, control.Reply.Text, challenger.Reply.Text), plan.JudgeOptions),
            Accept, attempts, cancellationToken);
        var second = plan.Judge!.CallAsync(
            new CallRequest($"pairwise/{challenger.Variant}/{control.Variant}/{goldenCase.Id}", PairwiseJudge.Messages(goldenCase, challenger.Reply.Text, control.Reply.Text), plan.JudgeOptions),
            Accept, attempts, cancellationToken);
        var (a, b) = (await first.ConfigureAwait(false), await second.ConfigureAwait(false));
        if (!a.Succeeded || !b.Succeeded)
        {
            return new PairwiseJudgement(goldenCase.Id, null, null, null, false, null, null, $"pairwise judge: {a.Error ?? b.Error}");
        }

        return PairwiseJudge.Combine(goldenCase.Id, control.Variant, challenger.Variant, PairwiseJudge.Parse(a.Text)!.Value, PairwiseJudge.Parse(b.Text)!.Value);
    }

    /// <summary>The arena resolved into callers and evaluators, built once per run.</summary>
    private sealed record ArenaPlan(
        ArenaSpec Spec,
        IReadOnlyList<PlannedVariant> Variants,
        IReadOnlyList<DeterministicCheck> Checks,
        EmbeddingCaller? Embedder,
        RubricJudge? Rubric,
        bool Pairwise,
        IModelCaller? Judge,
        ChatOptions JudgeOptions)
    {
        public long CallsPerCase =>
            Variants.Count * (1 + (Rubric is null ? 0 : 1) + (Embedder is null ? 0 : 2)) + (Pairwise ? 2 * (Variants.Count - 1) : 0);

        public static async Task<ArenaPlan> CreateAsync(ArenaSpec spec, ProviderFactory factory, TimeSpan timeout, CancellationToken cancellationToken)
        {
            var variants = new List<PlannedVariant>();
            foreach (var variant in spec.Variants)
            {
                variants.Add(await PlannedVariant.CreateAsync(spec, variant, factory.Chat(variant, timeout), cancellationToken).ConfigureAwait(false));
            }

            var checks = new List<DeterministicCheck>();
            foreach (var evaluator in spec.Evaluators.Where(e => ArenaSpecLoader.CheckKinds.Contains(e.Kind)))
            {
                checks.Add(await DeterministicCheck.CreateAsync(evaluator, spec, cancellationToken).ConfigureAwait(false));
            }

            var similarity = spec.Evaluators.FirstOrDefault(e => e.Kind == "similarity");
            var rubric = spec.Evaluators.FirstOrDefault(e => e.Kind == "rubric");
            var pairwise = spec.Evaluators.Any(e => e.Kind == "pairwise");
            var judge = spec.Judge is not null && (rubric is not null || pairwise) ? factory.Chat(spec.Judge, timeout) : null;
            var judgeOptions = spec.Judge is null ? new ChatOptions() : PlannedVariant.OptionsFor(spec.Judge, ChatResponseFormat.Json);
            return new ArenaPlan(spec, variants, checks, similarity is null ? null : factory.Embedding(similarity.Embedding!, timeout),
                rubric is null ? null : new RubricJudge(rubric.Axes), pairwise, judge, judgeOptions);
        }
    }

    /// <summary>A variant with its caller and the options it sends.</summary>
    private sealed record PlannedVariant(VariantSpec Spec, IModelCaller Caller, ChatOptions Options)
    {
        public static async Task<PlannedVariant> CreateAsync(ArenaSpec arena, VariantSpec spec, IModelCaller caller, CancellationToken cancellationToken)
        {
            ChatResponseFormat? format = null;
            if (spec.OutputSchema is { } schemaPath)
            {
                var path = arena.Resolve(schemaPath);
                if (!File.Exists(path))
                {
                    throw new InvalidDataException($"variants.{spec.Name}.output_schema: file not found: {schemaPath}");
                }

                using var schema = JsonDocument.Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false));
                format = ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "output");
            }

            return new PlannedVariant(spec, caller, OptionsFor(spec, format));
        }

        /// <summary>Deterministic decoding requested: the temperature, top-p and seed of the spec, recorded in each reply.</summary>
        public static ChatOptions OptionsFor(ModelEndpointSpec spec, ChatResponseFormat? format) => new()
        {
            ModelId = spec.Model,
            Temperature = (float)spec.Temperature,
            TopP = spec.TopP is { } p ? (float)p : null,
            MaxOutputTokens = spec.MaxTokens,
            Seed = spec.Seed,
            ResponseFormat = format,
        };

        public IReadOnlyList<ChatMessage> Messages(GoldenCase goldenCase)
        {
            var user = Spec.Template.Replace("{{input}}", goldenCase.Input, StringComparison.Ordinal)
                .Replace("{{context}}", goldenCase.Context ?? "", StringComparison.Ordinal);
            return Spec.SystemPrompt is { } system
                ? [new ChatMessage(ChatRole.System, system), new ChatMessage(ChatRole.User, user)]
                : [new ChatMessage(ChatRole.User, user)];
        }
    }
}
