using System.Globalization;
using Verdict.Statistics.Diagnostics;
using Verdict.Statistics.Inference;

namespace Verdict.Statistics.OffPolicy;

/// <summary>
/// Off-policy evaluation: what a candidate policy would have earned on traffic logged under another policy.
/// With weights wᵢ = π(aᵢ|xᵢ)/π₀(aᵢ|xᵢ) (optionally clipped at M, wᵢ ← min(wᵢ, M); Ionides 2008):
/// IPS V = (1/n)Σ wᵢrᵢ (Horvitz and Thompson 1952); self-normalized IPS V = Σwᵢrᵢ/Σwᵢ (Swaminathan and Joachims
/// 2015, eq. 8); doubly robust V = (1/n)Σ [Σₐ π(a|xᵢ) q̂(xᵢ, a) + wᵢ (rᵢ − q̂(xᵢ, aᵢ))] (Dudík, Langford and Li 2011,
/// eq. 3). Each interval is Wald on the influence-function (sandwich) variance Σφᵢ²/(n(n − 1)) with φᵢ the estimator's
/// influence function (for SNIPS the delta method's wᵢ(rᵢ − V)/w̄), and a seeded percentile bootstrap over decisions
/// that keeps the reward model fixed. Problems in the data are diagnostics: decisions with missing or impossible
/// propensities are left out and counted, and weights that make the estimate untrustworthy are flagged.
/// </summary>
public static class OffPolicyEvaluation
{
    /// <summary>Evaluates the candidate policy whose probabilities each decision carries.</summary>
    public static OffPolicyResult Evaluate(IReadOnlyList<LoggedDecision> decisions, OffPolicyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        options ??= new OffPolicyOptions();
        options.Validate();
        var (actions, features) = Shape(decisions);
        List<Diagnostic>? diagnostics = null;
        var rows = Usable(decisions, ref diagnostics);
        var n = rows.Count;
        if (n < 2)
        {
            DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.TooFewUnits, $"{n} usable decisions: at least 2 are needed"));
            var missing = new OffPolicyEstimate(OffPolicyEstimator.InversePropensity, Estimate.Missing, Estimate.Missing, double.NaN, double.NaN);
            return new OffPolicyResult(n, decisions.Count - n, Estimate.Missing,
                [missing, missing with { Estimator = OffPolicyEstimator.SelfNormalized }, missing with { Estimator = OffPolicyEstimator.DoublyRobust }],
                new ImportanceWeights(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, 0, double.NaN, 0, new int[ImportanceWeights.BinEdges.Count]),
                double.NaN, DiagnosticBag.Seal(diagnostics));
        }

        var raw = new double[n];
        var weights = new double[n];
        var rewards = new double[n];
        var clipped = 0;
        for (var i = 0; i < n; i++)
        {
            raw[i] = rows[i].TargetProbabilities[rows[i].Action] / rows[i].Propensity;
            weights[i] = options.MaxWeight is { } max ? Math.Min(raw[i], max) : raw[i];
            clipped += weights[i] < raw[i] ? 1 : 0;
            rewards[i] = rows[i].Reward;
        }

        var (direct, predicted) = DirectMethod(rows, actions, features, Math.Min(options.CrossFitFolds, n), ref diagnostics);
        var terms = new OffPolicyTerms(weights, rewards, direct, predicted);
        var logged = Influence.Of(terms.Logged(out var loggedInfluence), loggedInfluence, options.Alpha);
        var bootstrap = options.BootstrapResamples > 0 ? terms.Bootstrap(options.BootstrapResamples, options.Seed, options.Alpha) : null;
        var estimates = new List<OffPolicyEstimate>();
        foreach (var estimator in (OffPolicyEstimator[])[OffPolicyEstimator.InversePropensity, OffPolicyEstimator.SelfNormalized, OffPolicyEstimator.DoublyRobust])
        {
            var value = terms.Value(estimator, out var influence);
            var versus = new double[n];
            for (var i = 0; i < n; i++)
            {
                versus[i] = influence[i] - loggedInfluence[i];
            }

            var (low, high) = bootstrap is null ? (double.NaN, double.NaN) : bootstrap[(int)estimator];
            estimates.Add(new OffPolicyEstimate(
                estimator,
                Influence.Of(value, influence, options.Alpha),
                Influence.Of(value - logged.Value, versus, options.Alpha),
                low,
                high));
        }

        var summary = WeightDiagnostics.Summarize(raw, weights, clipped, options, ref diagnostics);
        var clippingBias = options.MaxWeight is null ? double.NaN : (weights.Zip(rewards, (w, r) => w * r).Sum() - raw.Zip(rewards, (w, r) => w * r).Sum()) / n;
        return new OffPolicyResult(n, decisions.Count - n, logged, estimates, summary, clippingBias, DiagnosticBag.Seal(diagnostics));
    }

    /// <summary>
    /// Each decision's direct value Σₐ π(a|xᵢ) q̂(xᵢ, a) and prediction q̂(xᵢ, aᵢ), from the model fitted without
    /// decision i's fold (with one fold, on all decisions).
    /// </summary>
    private static (double[] Direct, double[] Predicted) DirectMethod(List<LoggedDecision> rows, int actions, int features, int folds, ref List<Diagnostic>? diagnostics)
    {
        var n = rows.Count;
        var direct = new double[n];
        var predicted = new double[n];
        for (var fold = 0; fold < folds; fold++)
        {
            var training = folds == 1 ? rows : rows.Where((_, i) => i % folds != fold).ToList();
            var model = RewardModel.Fit(training, actions, features, ref diagnostics);
            for (var i = fold; i < n; i += folds)
            {
                for (var a = 0; a < actions; a++)
                {
                    var q = model.Predict(rows[i].Context, a);
                    direct[i] += rows[i].TargetProbabilities[a] * q;
                    if (a == rows[i].Action)
                    {
                        predicted[i] = q;
                    }
                }
            }
        }

        if (diagnostics is not null)
        {
            // One note per reason, not one per fold.
            var distinct = diagnostics.Distinct().ToList();
            diagnostics.Clear();
            diagnostics.AddRange(distinct);
        }

        return (direct, predicted);
    }

    /// <summary>The number of actions and of context features; throws on decisions that disagree (a caller mistake).</summary>
    private static (int Actions, int Features) Shape(IReadOnlyList<LoggedDecision> decisions)
    {
        if (decisions.Count == 0)
        {
            return (0, 0);
        }

        var actions = decisions[0].TargetProbabilities.Count;
        var features = decisions[0].Context.Count;
        for (var i = 0; i < decisions.Count; i++)
        {
            var d = decisions[i] ?? throw new ArgumentException($"decision {i} is null", nameof(decisions));
            if (d.TargetProbabilities.Count != actions || d.Context.Count != features)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                    $"decision {i} has {d.TargetProbabilities.Count} candidate probabilities and {d.Context.Count} features; the first has {actions} and {features}"), nameof(decisions));
            }

            if (d.Action < 0 || d.Action >= actions)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"decision {i}: action {d.Action} is not among the {actions} actions"), nameof(decisions));
            }
        }

        return (actions, features);
    }

    /// <summary>The decisions an estimate can use; the others are counted in diagnostics.</summary>
    private static List<LoggedDecision> Usable(IReadOnlyList<LoggedDecision> decisions, ref List<Diagnostic>? diagnostics)
    {
        var rows = new List<LoggedDecision>(decisions.Count);
        int missing = 0, invalid = 0, noReward = 0, badPolicy = 0;
        foreach (var d in decisions)
        {
            var sum = 0.0;
            var policyOk = true;
            foreach (var p in d.TargetProbabilities)
            {
                policyOk &= p >= 0 && p <= 1;
                sum += p;
            }

            if (double.IsNaN(d.Propensity))
            {
                missing++;
            }
            else if (!(d.Propensity > 0 && d.Propensity <= 1))
            {
                invalid++;
            }
            else if (!double.IsFinite(d.Reward) || d.Context.Any(x => !double.IsFinite(x)))
            {
                noReward++;
            }
            else if (!policyOk || Math.Abs(sum - 1) > 1e-6)
            {
                badPolicy++;
            }
            else
            {
                rows.Add(d);
            }
        }

        void Note(ref List<Diagnostic>? bag, int count, DiagnosticCode code, string why)
        {
            if (count > 0)
            {
                DiagnosticBag.Add(ref bag, new Diagnostic(code, string.Create(CultureInfo.InvariantCulture, $"{count} of {decisions.Count} decisions {why}; left out")));
            }
        }

        Note(ref diagnostics, missing, DiagnosticCode.MissingPropensity, "have no logged propensity");
        Note(ref diagnostics, invalid, DiagnosticCode.InvalidPropensity, "have a propensity of 0 or outside (0, 1], which no logger can have produced");
        Note(ref diagnostics, noReward, DiagnosticCode.MissingReward, "have a missing or non-finite reward or context feature");
        Note(ref diagnostics, badPolicy, DiagnosticCode.InvalidPolicy, "have candidate probabilities outside [0, 1] or not summing to 1");
        return rows;
    }
}
