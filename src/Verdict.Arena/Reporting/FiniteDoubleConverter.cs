using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verdict.Arena.Reporting;

/// <summary>Writes NaN and infinities as <c>null</c>: numbers that could not be computed are absent, not strings.</summary>
internal sealed class FiniteDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value)) { writer.WriteNumberValue(Math.Round(value, 12)); } else { writer.WriteNullValue(); }
    }
}
