using System.Text.Json;
using System.Text.Json.Serialization;
using Verdict.Statistics.Inference;
using Verdict.Testing;

namespace Verdict.Statistics.Tests.Sequential;

/// <summary>
/// A number or an array of numbers read as an array (R's jsonlite writes a length-one vector as a scalar); rpact's Inf
/// (an unreachable boundary), written as null, becomes +∞.
/// </summary>
internal sealed class RpactNumbers : JsonConverter<double[]>
{
    public override double[] Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            return [reader.GetDouble()];
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"expected a number or an array, got {reader.TokenType}");
        }

        var values = new List<double>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            values.Add(reader.TokenType == JsonTokenType.Null ? double.PositiveInfinity : reader.GetDouble());
        }

        return [.. values];
    }

    public override void Write(Utf8JsonWriter writer, double[] value, JsonSerializerOptions options) => throw new NotSupportedException();
}

/// <summary>rpact's characteristics of a design: the fixed-horizon drift², shift, inflation, power, probabilities and ASNs.</summary>
public sealed record RpactCharacteristics(
    double NFixed, double Shift, double InflationFactor,
    [property: JsonConverter(typeof(RpactNumbers))] double[] Power,
    [property: JsonConverter(typeof(RpactNumbers))] double[] RejectionProbabilities,
    [property: JsonConverter(typeof(RpactNumbers))] double[] FutilityProbabilities,
    double AsnH1, double AsnHalf, double AsnH0);

/// <summary>One analysis of rpact_designs.json: a design, the observed z and estimates per look, rpact's final p-value and RCIs.</summary>
public sealed record RpactAnalysis(
    string Id, string Type, int Sided, double Alpha, double? Parameter,
    [property: JsonConverter(typeof(RpactNumbers))] double[] InformationRates,
    [property: JsonConverter(typeof(RpactNumbers))] double[] Z,
    [property: JsonConverter(typeof(RpactNumbers))] double[] Estimate,
    int FinalStage, double FinalPValue,
    [property: JsonConverter(typeof(RpactNumbers))] double[] RciLower,
    [property: JsonConverter(typeof(RpactNumbers))] double[] RciUpper);

/// <summary>One case of exact_tail.json: a design, the look and scipy quadrature's boundaries up to it (null: +∞).</summary>
public sealed record ExactTailCase(
    string Name, [property: JsonConverter(typeof(RpactNumbers))] double[] InformationRates, double Alpha, int Sided, int Look,
    [property: JsonConverter(typeof(RpactNumbers))] double[] Z);

/// <summary>The generated JSON files in tests/reference/sequential (see the README there), each read once.</summary>
internal static class SequentialReference
{
    /// <summary>rpact_designs.json (rpact_designs.R).</summary>
    public static RpactFile Rpact { get; } = ReferenceJson.Read<RpactFile>("sequential", "rpact_designs.json");

    /// <summary>exact_tail.json (exact_tail.py).</summary>
    public static IReadOnlyList<ExactTailCase> ExactTail { get; } = ReferenceJson.Cases<ExactTailCase>("sequential", "exact_tail.json");

    /// <summary>The designs and analyses of rpact_designs.json.</summary>
    public sealed record RpactFile(IReadOnlyList<RpactDesign> Designs, IReadOnlyList<RpactAnalysis> Analyses);
}
