using System.Globalization;
using Verdict.Assignment.Allocation;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Yaml;

namespace Verdict.Experiments.Validation;

/// <summary>Checks that span fields: arms and their weights, the control, receipts against the declared change, forced arms.</summary>
internal static class BriefRules
{
    public static void Check(YamlContext context, string file, ExperimentBrief brief)
    {
        CheckArms(context, file, brief);
        CheckReceipts(context, file, brief);
        foreach (var (unit, arm) in brief.Traffic.Forced)
        {
            if (!brief.Arms.Any(a => a.Name == arm))
            {
                context.ErrorAt($"traffic.forced.{unit}", file, $"unknown arm \"{arm}\"");
            }
        }
    }

    private static void CheckArms(YamlContext context, string file, ExperimentBrief brief)
    {
        if (brief.Arms.Count < 2)
        {
            context.ErrorAt("arms", file, $"an experiment needs two or more arms, got {brief.Arms.Count}");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < brief.Arms.Count; i++)
        {
            if (brief.Arms[i].Name.Length > 0 && !seen.Add(brief.Arms[i].Name))
            {
                context.ErrorAt($"arms[{i}].name", file, $"duplicate arm name \"{brief.Arms[i].Name}\"");
            }
        }

        var controls = brief.Arms.Count(a => a.IsControl);
        if (brief.Arms.Count >= 2 && controls != 1)
        {
            context.ErrorAt("arms", file, controls == 0 ? "no control arm: mark exactly one arm with control: true" : $"{controls} arms are marked control: exactly one may be");
        }

        var sum = brief.Arms.Sum(a => a.Weight);
        if (brief.Arms.Count >= 2 && Math.Abs(sum - 1) > BucketAllocation.WeightTolerance)
        {
            context.ErrorAt("arms", file, $"arm weights must sum to 1, got {sum.ToString("0.######", CultureInfo.InvariantCulture)}");
        }
    }

    private static void CheckReceipts(YamlContext context, string file, ExperimentBrief brief)
    {
        var change = brief.Change.Field;
        var fieldsOk = true;
        foreach (var (field, path) in brief.ReceiptMustMatch.Select((f, i) => (f, $"receipt_must_match[{i}]")).Append((change, "change.field")))
        {
            if (field.Length > 0 && !Receipt.Fields.Any(known => Receipt.IsUnder(field, known)))
            {
                context.ErrorAt(path, file, $"unknown receipt field \"{field}\"; expected one of {string.Join(", ", Receipt.Fields)} or a path under them such as decoder.temperature or components.NAME");
                fieldsOk = false;
            }
        }

        if (!fieldsOk || brief.Arms.Count(a => a.IsControl) != 1)
        {
            return;
        }

        var control = brief.Control;
        var anyDiffers = false;
        for (var i = 0; i < brief.Arms.Count; i++)
        {
            var arm = brief.Arms[i];
            if (arm.IsControl)
            {
                continue;
            }

            var differences = control.Receipt.Differences(arm.Receipt);
            anyDiffers |= differences.Any(d => Receipt.IsUnder(d, change));
            foreach (var difference in differences.Where(d => !Receipt.IsUnder(d, change)))
            {
                if (brief.ReceiptMustMatch.FirstOrDefault(f => Receipt.IsUnder(difference, f)) is { } locked)
                {
                    var mine = arm.Receipt.Flatten().GetValueOrDefault(difference) ?? "(unset)";
                    var theirs = control.Receipt.Flatten().GetValueOrDefault(difference) ?? "(unset)";
                    context.ErrorAt($"arms[{i}].receipt.{difference}", file, $"\"{mine}\" differs from control's \"{theirs}\", but receipt_must_match locks {locked} (the declared change is {change})");
                }
            }
        }

        if (!anyDiffers && brief.Arms.Count >= 2 && change.Length > 0)
        {
            context.ErrorAt("change.field", file, $"no treatment arm's receipt differs from control at {change}, the declared change");
        }
    }
}
