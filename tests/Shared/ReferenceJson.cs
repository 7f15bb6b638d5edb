using System.Text.Json;

namespace Verdict.Testing;

/// <summary>
/// Reads a file a generator script in tests/reference/ wrote into typed records, once per file: snake_case names, every
/// constructor parameter without a default required and every non-nullable one non-null, so a renamed or missing field
/// fails the read instead of becoming zero.
/// </summary>
internal static class ReferenceJson
{
    /// <summary>The options every reference record is read with.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    /// <summary>The file at <paramref name="path"/> (absolute, or under tests/reference/) read as <typeparamref name="T"/>.</summary>
    public static T Read<T>(params string[] path)
    {
        var file = Path.IsPathRooted(path[0]) ? Path.Combine(path) : Path.Combine([RepositoryRoot.Path, "tests", "reference", .. path]);
        var value = JsonSerializer.Deserialize<T>(File.ReadAllText(file), Options);
        Xunit.Assert.NotNull(value);
        return value;
    }

    /// <summary>The cases of <paramref name="path"/>, a file whose root holds them in an array named <c>cases</c>.</summary>
    public static IReadOnlyList<T> Cases<T>(params string[] path)
    {
        var cases = Read<CaseFile<T>>(path).Cases;
        Xunit.Assert.NotEmpty(cases);
        return cases;
    }

    /// <summary>A file of cases.</summary>
    private sealed record CaseFile<T>(IReadOnlyList<T> Cases);
}
