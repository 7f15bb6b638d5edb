using MathNet.Numerics.LinearAlgebra;
using Verdict.Statistics.Diagnostics;

namespace Verdict.Statistics.OffPolicy;

/// <summary>
/// The direct-method reward model q̂(x, a) of the doubly robust estimator: for each action, ordinary least squares of
/// the reward on an intercept and the context features, fitted on the decisions that took that action (the same fit
/// as statsmodels <c>OLS(r, [1, x])</c> per action). An action with too few decisions for its features, or with
/// collinear features, falls back to its mean reward, and an action never taken to the overall mean, each with a
/// diagnostic.
/// </summary>
internal sealed class RewardModel
{
    private readonly double[][] coefficients;

    private RewardModel(double[][] coefficients) => this.coefficients = coefficients;

    public static RewardModel Fit(IReadOnlyList<LoggedDecision> rows, int actions, int features, ref List<Diagnostic>? diagnostics)
    {
        var overall = rows.Count == 0 ? 0 : rows.Average(r => r.Reward);
        var coefficients = new double[actions][];
        for (var a = 0; a < actions; a++)
        {
            var taken = rows.Where(r => r.Action == a).ToList();
            coefficients[a] = new double[features + 1];
            if (taken.Count == 0)
            {
                coefficients[a][0] = overall;
                DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ReducedModel, $"action {a} was never logged: its reward model is the overall mean reward"));
                continue;
            }

            if (features > 0 && taken.Count > features + 1 && TryLeastSquares(taken, features, out var beta))
            {
                coefficients[a] = beta;
                continue;
            }

            coefficients[a][0] = taken.Average(r => r.Reward);
            if (features > 0)
            {
                DiagnosticBag.Add(ref diagnostics, new Diagnostic(DiagnosticCode.ReducedModel,
                    $"action {a}: too few decisions or collinear features to fit {features} features; its reward model is its mean reward"));
            }
        }

        return new RewardModel(coefficients);
    }

    /// <summary>q̂(x, a).</summary>
    public double Predict(IReadOnlyList<double> context, int action)
    {
        var beta = coefficients[action];
        var value = beta[0];
        for (var j = 1; j < beta.Length; j++)
        {
            value += beta[j] * context[j - 1];
        }

        return value;
    }

    private static bool TryLeastSquares(List<LoggedDecision> taken, int features, out double[] beta)
    {
        var x = Matrix<double>.Build.Dense(taken.Count, features + 1, (i, j) => j == 0 ? 1 : taken[i].Context[j - 1]);
        var y = Vector<double>.Build.Dense(taken.Count, i => taken[i].Reward);
        var qr = x.QR();
        var diagonal = qr.R.Diagonal().PointwiseAbs();
        // Rank check on R's diagonal, relative to the largest, as LAPACK-based tools do.
        if (diagonal.Minimum() <= 1e-10 * diagonal.Maximum())
        {
            beta = [];
            return false;
        }

        beta = qr.Solve(y).ToArray();
        return true;
    }
}
