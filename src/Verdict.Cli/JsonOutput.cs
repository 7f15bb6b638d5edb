using System.Text.Json;
using Verdict.Experiments.Json;

namespace Verdict.Cli;

/// <summary>Writes exactly one JSON object to standard output with Verdict's one set of JSON conventions (<see cref="VerdictJson"/>).</summary>
public static class JsonOutput
{
    /// <summary>The serializer options every <c>--json</c> output uses: <see cref="VerdictJson.Options"/>.</summary>
    public static JsonSerializerOptions Options => VerdictJson.Options;

    /// <summary>Serializes <paramref name="value"/> as one JSON document on <paramref name="output"/>.</summary>
    public static void Write(TextWriter output, object value)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(VerdictJson.Serialize(value));
    }
}
