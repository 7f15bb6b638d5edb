using System.Text.RegularExpressions;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Metrics;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads <c>analysis</c>: power inputs, design, looks and spending, thresholds and integrity checks.</summary>
internal static partial class AnalysisReader
{
    private static readonly string[] Fields =
    [
        "baseline", "baseline_sd", "mde", "alpha", "power", "secondary_correction", "design", "looks", "spending",
        "planned_units_per_arm", "minimum_ship_lift", "burn_in", "max_duration", "srm_p_value",
    ];

    public static AnalysisPlan Read(YamlFields root, MetricDefinition? primary)
    {
        var f = root.Mapping("analysis", Fields, required: true);
        if (f is null)
        {
            return new AnalysisPlan { Mde = default, MinimumShipLift = default };
        }

        var unit = primary?.Unit;
        var mde = ChangeReader.Read(f, "mde", unit, required: true);
        if (mde is { Value: <= 0 })
        {
            f.Error("mde", "must be positive: it is the smallest effect worth detecting");
        }

        var baseline = f.Number("baseline");
        if (baseline is not null && unit == MetricUnit.Proportion && !(baseline > 0 && baseline < 1))
        {
            f.Error("baseline", $"a rate must lie strictly between 0 and 1, got {baseline}");
        }

        if (baseline is > 0 and < 1 && unit == MetricUnit.Proportion && mde is { Value: > 0 } m
            && (m.IsRelative ? baseline * (1 + m.Value) : baseline + m.Value) >= 1)
        {
            f.Error("mde", $"the baseline {baseline} plus the MDE {m} leaves no room below a rate of 1");
        }

        var baselineSd = f.Number("baseline_sd");
        if (baselineSd is not null and not > 0)
        {
            f.Error("baseline_sd", $"must be positive, got {baselineSd}");
        }

        var design = f.Choice("design", Vocabulary.Designs) ?? AnalysisDesign.FixedHorizon;
        var looks = ReadLooks(f, design);
        var spending = f.String("spending");
        if (design == AnalysisDesign.GroupSequential && spending is null)
        {
            f.Error("spending", "required field is missing (obf, pocock, power:RHO, hsd:GAMMA, classic-obf or classic-pocock)");
        }
        else if (spending is not null && design != AnalysisDesign.GroupSequential)
        {
            f.Error("spending", "only a group_sequential design spends alpha over looks");
        }
        else if (spending is not null && !SpendingPattern().IsMatch(spending))
        {
            f.Error("spending", $"expected obf, pocock, power:RHO, hsd:GAMMA, classic-obf or classic-pocock, got \"{spending}\"");
        }

        var planned = f.Integer("planned_units_per_arm");
        if (planned is not null and not > 0)
        {
            f.Error("planned_units_per_arm", $"must be positive, got {planned}");
        }

        return new AnalysisPlan
        {
            Baseline = baseline,
            BaselineStandardDeviation = baselineSd,
            Mde = mde ?? default,
            Alpha = Probability(f, "alpha") ?? 0.05,
            Power = Probability(f, "power") ?? 0.8,
            SecondaryCorrection = f.Choice("secondary_correction", Vocabulary.Corrections) ?? Verdict.Statistics.MultipleTesting.PValueAdjustmentMethod.Holm,
            Design = design,
            Looks = looks,
            Spending = spending,
            PlannedUnitsPerArm = planned,
            MinimumShipLift = ChangeReader.Read(f, "minimum_ship_lift", unit, required: true) ?? default,
            BurnIn = f.Duration("burn_in") ?? TimeSpan.Zero,
            MaxDuration = f.Duration("max_duration"),
            SrmPValue = Probability(f, "srm_p_value") ?? 0.001,
        };
    }

    private static List<double> ReadLooks(YamlFields f, AnalysisDesign design)
    {
        var texts = f.Strings("looks");
        var looks = new List<double>();
        foreach (var text in texts)
        {
            if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var look))
            {
                f.Error("looks", $"expected information fractions such as [0.5, 1.0], got \"{text}\"");
                return [];
            }

            looks.Add(look);
        }

        if (design == AnalysisDesign.GroupSequential)
        {
            var increasing = looks.Zip(looks.Skip(1), (a, b) => b > a).All(x => x);
            if (looks.Count < 2 || !increasing || looks[0] <= 0 || looks[^1] != 1)
            {
                f.Error("looks", "a group sequential plan needs two or more increasing information fractions in (0, 1], the last 1");
            }
        }
        else if (looks.Count > 0)
        {
            f.Error("looks", "only a group_sequential design has looks");
        }

        return looks;
    }

    private static double? Probability(YamlFields f, string key)
    {
        var value = f.Number(key);
        if (value is not null and not (> 0 and < 1))
        {
            f.Error(key, $"must lie strictly between 0 and 1, got {value}");
            return null;
        }

        return value;
    }

    [GeneratedRegex(@"^(obf|pocock|classic-obf|classic-pocock|power:[0-9]+(\.[0-9]+)?|hsd:-?[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex SpendingPattern();
}
