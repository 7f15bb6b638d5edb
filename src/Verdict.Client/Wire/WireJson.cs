using System.Text.Json.Serialization;

namespace Verdict.Client.Wire;

/// <summary>The JSON shape of everything the SDK and the server exchange: snake_case names, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SdkConfig))]
public sealed partial class WireJson : JsonSerializerContext;
