using Microsoft.Extensions.AI;
using Verdict.Arena.Configuration;
using Verdict.Arena.Dataset;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Providers;
using Verdict.Arena.Receipts;

namespace Verdict.Arena.Running;

/// <summary>
/// Runs an arena: every variant on every golden case, then its evaluators (deterministic checks, embedding
/// similarity, the rubric judge) as one <see cref="CompositeEvaluator"/>, and the pairwise judge in both orders. Cases
/// run concurrently; the calls in flight are bounded by one limiter in the HTTP pipeline every model, judge and
/// embedding call shares (<see cref="ArenaHttp"/>).
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
        var cache = options.NoCache ? null : new FileDistributedCache(options.CacheDirectory ?? execution.Cache);
        using var http = new ArenaHttp(execution, concurrency, meter, options.TimeProvider);
        var plan = await ArenaPlan.CreateAsync(spec, new ProviderFactory(spec, cache, http, meter), cancellationToken).ConfigureAwait(false);
        meter.Plan(plan.CallsPerCase * cases.Count);

        var results = await Task.WhenAll(cases.Select(c => RunCaseAsync(plan, c, cancellationToken))).ConfigureAwait(false);
        var receipts = spec.Variants.ToDictionary(v => v.Name, VariantReceipt.For, StringComparer.Ordinal);
        return new ArenaRun(spec, results, receipts, plan.Axes, meter.Snapshot);
    }

    private static async Task<CaseResult> RunCaseAsync(ArenaPlan plan, GoldenCase goldenCase, CancellationToken cancellationToken)
    {
        var variants = await Task.WhenAll(plan.Variants.Select(v => RunVariantAsync(plan, v, goldenCase, cancellationToken))).ConfigureAwait(false);
        var pairwise = new Dictionary<string, PairwiseJudgement>(StringComparer.Ordinal);
        if (plan.Pairwise is { } judge)
        {
            var control = variants.First(v => v.Variant == plan.Spec.ControlName);
            var duels = variants.Where(v => v.Variant != control.Variant)
                .Select(async challenger => (challenger.Variant, Judgement: await DuelAsync(plan, judge, goldenCase, control, challenger, cancellationToken).ConfigureAwait(false)));
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
        var reply = await variant.Caller.CallAsync(request, cancellationToken).ConfigureAwait(false);
        if (!reply.Succeeded)
        {
            return new VariantCaseResult(variant.Spec.Name, reply, [], null, null, [$"generation: {reply.Error}"]);
        }

        var evaluation = await plan.Evaluator.EvaluateAsync(new EvaluatedOutput(goldenCase, variant.Spec.Name, reply), cancellationToken).ConfigureAwait(false);
        return new VariantCaseResult(variant.Spec.Name, reply, evaluation.Checks, evaluation.Similarity, evaluation.Rubric, evaluation.Errors ?? []);
    }

    private static async Task<PairwiseJudgement> DuelAsync(ArenaPlan plan, IModelCaller judge, GoldenCase goldenCase, VariantCaseResult control, VariantCaseResult challenger, CancellationToken cancellationToken)
    {
        if (!control.Reply.Succeeded || !challenger.Reply.Succeeded)
        {
            return new PairwiseJudgement(goldenCase.Id, null, null, null, false, null, null, "a contender has no output");
        }

        var first = judge.CallAsync(
            new CallRequest($"pairwise/{control.Variant}/{challenger.Variant}/{goldenCase.Id}", PairwiseJudge.Messages(goldenCase, control.Reply.Text, challenger.Reply.Text), plan.JudgeOptions),
            cancellationToken);
        var second = judge.CallAsync(
            new CallRequest($"pairwise/{challenger.Variant}/{control.Variant}/{goldenCase.Id}", PairwiseJudge.Messages(goldenCase, challenger.Reply.Text, control.Reply.Text), plan.JudgeOptions),
            cancellationToken);
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
        CompositeEvaluator Evaluator,
        IReadOnlyList<string> Axes,
        IModelCaller? Pairwise,
        ChatOptions JudgeOptions)
    {
        /// <summary>Calls per case: a generation per variant, its judge and embedding calls, and two duel orders per challenger.</summary>
        public long CallsPerCase =>
            Variants.Count * (1 + Evaluator.Evaluators.Sum(e => e switch { RubricEvaluator => 1, SimilarityEvaluator => 2, _ => 0 }))
            + (Pairwise is null ? 0 : 2 * (Variants.Count - 1));

        public static async Task<ArenaPlan> CreateAsync(ArenaSpec spec, ProviderFactory factory, CancellationToken cancellationToken)
        {
            var variants = new List<PlannedVariant>();
            foreach (var variant in spec.Variants)
            {
                variants.Add(await PlannedVariant.CreateAsync(spec, variant, factory.Chat(variant), cancellationToken).ConfigureAwait(false));
            }

            var evaluators = new List<IOutputEvaluator>();
            foreach (var evaluator in spec.Evaluators.Where(e => ArenaSpecLoader.CheckKinds.Contains(e.Kind)))
            {
                evaluators.Add(await DeterministicCheck.CreateAsync(evaluator, spec, cancellationToken).ConfigureAwait(false));
            }

            var judgeOptions = spec.Judge is null ? new ChatOptions() : PlannedVariant.OptionsFor(spec.Judge, ChatResponseFormat.Json);
            if (spec.Evaluators.FirstOrDefault(e => e.Kind == SimilarityEvaluator.Metric) is { } similarity)
            {
                evaluators.Add(new SimilarityEvaluator(factory.Embedding(similarity.Embedding!)));
            }

            IReadOnlyList<string> axes = [];
            if (spec.Evaluators.FirstOrDefault(e => e.Kind == "rubric") is { } rubricSpec && spec.Judge is { } rubricJudge)
            {
                var rubric = new RubricJudge(rubricSpec.Axes);
                var judge = factory.Chat(rubricJudge, new ReplyCheck(text => rubric.Parse(text) is not null, rubricJudge.MaxAttempts));
                var evaluator = new RubricEvaluator(rubric, judge, judgeOptions);
                evaluators.Add(evaluator);
                axes = [.. evaluator.MetricNames];
            }

            var pairwise = spec.Judge is { } pairwiseJudge && spec.Evaluators.Any(e => e.Kind == "pairwise")
                ? factory.Chat(pairwiseJudge, new ReplyCheck(text => PairwiseJudge.Parse(text) is not null, pairwiseJudge.MaxAttempts))
                : null;
            return new ArenaPlan(spec, variants, new CompositeEvaluator(evaluators), axes, pairwise, judgeOptions);
        }
    }
}
