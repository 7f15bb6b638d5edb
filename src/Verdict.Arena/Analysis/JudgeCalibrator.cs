using System.Globalization;
using Verdict.Arena.Evaluation;
using Verdict.Arena.Running;
using Verdict.Statistics.Paired;

namespace Verdict.Arena.Analysis;

/// <summary>
/// Measures the pairwise judge against human labels (the golden set's <c>human.pairwise</c>: a variant name or
/// <c>tie</c>): agreement, Cohen's κ with its interval, position inconsistency, and whether the longer answer wins
/// more often than chance.
/// </summary>
public static class JudgeCalibrator
{
    /// <summary>Label field of the human pairwise verdict.</summary>
    public const string HumanPairwiseLabel = "pairwise";

    /// <summary>Calibrates the judge of the duel between the control and <paramref name="treatment"/>.</summary>
    public static JudgeCalibration Calibrate(ArenaRun run, string treatment, double? minimumAgreement)
    {
        ArgumentNullException.ThrowIfNull(run);
        var control = run.Spec.ControlName;
        var human = new List<string>();
        var judge = new List<string>();
        var duels = new List<(CaseResult Case, PairwiseJudgement Judgement)>();
        foreach (var c in run.Cases)
        {
            if (!c.Pairwise.TryGetValue(treatment, out var judgement) || judgement.Outcome is not { } outcome)
            {
                continue;
            }

            duels.Add((c, judgement));
            if (c.Case.HumanLabels.TryGetValue(HumanPairwiseLabel, out var label))
            {
                human.Add(Normalize(label, control, treatment));
                judge.Add(outcome switch { PairwiseOutcome.TreatmentWins => treatment, PairwiseOutcome.ControlWins => control, _ => PairwiseJudge.Tie });
            }
        }

        var inconsistency = duels.Count > 0 ? duels.Count(d => d.Judgement.PositionInconsistent) / (double)duels.Count : double.NaN;
        var bias = LengthBiasOf(duels, control, treatment);
        if (human.Count == 0)
        {
            return new JudgeCalibration(0, double.NaN, double.NaN, double.NaN, double.NaN, inconsistency, bias, minimumAgreement,
                minimumAgreement is null, "no human labels");
        }

        var kappa = CohensKappa.FromLabels(human, judge, run.Spec.Statistics.Alpha);
        var trusted = minimumAgreement is not { } minimum || kappa.Agreement >= minimum;
        var decision = minimumAgreement is null ? "no agreement policy set"
            : trusted ? "judge trusted" : "recalibrate judge";
        return new JudgeCalibration(human.Count, kappa.Agreement, kappa.Kappa, kappa.CiLow, kappa.CiHigh, inconsistency, bias, minimumAgreement, trusted, decision);
    }

    /// <summary>The rubric judge against human axis scores, or null when the golden set has none.</summary>
    public static RubricCalibration? CalibrateRubric(ArenaRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var human = new List<int>();
        var judge = new List<int>();
        foreach (var c in run.Cases)
        {
            foreach (var variant in c.Variants.Where(v => v.Rubric is not null))
            {
                foreach (var (axis, score) in variant.Rubric!)
                {
                    if (c.Case.HumanLabels.TryGetValue($"{variant.Variant}.{axis}", out var label))
                    {
                        human.Add(int.TryParse(label, NumberStyles.Integer, CultureInfo.InvariantCulture, out var h) && h is >= 1 and <= 5
                            ? h
                            : throw new InvalidDataException($"case {c.Case.Id}: human label {variant.Variant}.{axis} must be a score from 1 to 5, got \"{label}\""));
                        judge.Add(score.Score);
                    }
                }
            }
        }

        if (human.Count == 0)
        {
            return null;
        }

        var kappa = CohensKappa.FromLabels(human, judge, run.Spec.Statistics.Alpha);
        var differences = human.Zip(judge, (h, j) => j - h).ToList();
        return new RubricCalibration(human.Count, kappa.Agreement, differences.Count(d => Math.Abs(d) <= 1) / (double)human.Count,
            kappa.Kappa, kappa.CiLow, kappa.CiHigh, differences.Average());
    }

    private static string Normalize(string label, string control, string treatment)
    {
        var text = label.Trim();
        if (text.Equals(PairwiseJudge.Tie, StringComparison.OrdinalIgnoreCase))
        {
            return PairwiseJudge.Tie;
        }

        return text == control || text == treatment ? text
            : throw new InvalidDataException(string.Create(CultureInfo.InvariantCulture, $"human pairwise label \"{label}\" is neither {control}, {treatment} nor tie"));
    }

    private static LengthBias LengthBiasOf(List<(CaseResult Case, PairwiseJudgement Judgement)> duels, string control, string treatment)
    {
        var signs = new List<double>();
        foreach (var (c, judgement) in duels)
        {
            if (judgement.Outcome is PairwiseOutcome.Tie or null)
            {
                continue;
            }

            var treatmentLength = c.Of(treatment).Reply.Text.Length;
            var controlLength = c.Of(control).Reply.Text.Length;
            if (treatmentLength == controlLength)
            {
                continue;
            }

            var longerIsTreatment = treatmentLength > controlLength;
            var treatmentWon = judgement.Outcome == PairwiseOutcome.TreatmentWins;
            signs.Add(longerIsTreatment == treatmentWon ? 1 : -1);
        }

        if (signs.Count == 0)
        {
            return new LengthBias(0, 0, double.NaN, double.NaN);
        }

        var test = SignTest.Test(signs);
        return new LengthBias(signs.Count, test.Positive, test.Positive / (double)signs.Count, test.PValue);
    }
}
