using Verdict.Assignment.Targeting;

namespace Verdict.Experiments.Yaml;

/// <summary>Reads <c>{attribute|property, op, value|values}</c> conditions shared by eligibility and metric filters.</summary>
internal static class ConditionReader
{
    public static (string Name, ConditionOperator Op, IReadOnlyList<string> Values)? Read(YamlFields? f, string nameField)
    {
        if (f is null)
        {
            return null;
        }

        var name = f.String(nameField, required: true);
        var op = f.Choice("op", Vocabulary.Operators) ?? ConditionOperator.Equals;
        IReadOnlyList<string> values = f.Has("values") ? f.Strings("values") : f.Has("value") ? [f.String("value")!] : [];
        if (op != ConditionOperator.Exists && values.Count == 0)
        {
            f.Error("value", "required field is missing (give value, or values for in/not_in)");
        }

        if (f.Has("value") && f.Has("values"))
        {
            f.Error("values", "give value or values, not both");
        }

        return name is null ? null : (name, op, values);
    }

    public static readonly string[] ConditionFields = ["attribute", "op", "value", "values"];

    public static readonly string[] FilterFields = ["property", "op", "value", "values"];
}
