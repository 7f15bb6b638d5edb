using System.Text.Json;
using System.Text.Json.Serialization;

namespace Verdict.Cli;

/// <summary>Writes exactly one JSON object to standard output, with snake_case field names.</summary>
public static class JsonOutput
{
    /// <summary>The serializer options every <c>--json</c> output uses.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    /// <summary>Serializes <paramref name="value"/> as one JSON document on <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, object value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(JsonSerializer.Serialize(value, value.GetType(), Options));
    }
}
