using System.Text.Json;
using Verdict.Statistics.Tests.Reference;
using Xunit;

namespace Verdict.Cli.Tests;

/// <summary>A temporary folder for input files a test writes, deleted on dispose; and reference-file helpers.</summary>
internal sealed class ScratchFolder : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("verdict-cli-").FullName;

    /// <summary>A file under tests/reference/.</summary>
    public static string Reference(string subfolder, string file) => Path.Combine(Verdict.Testing.RepositoryRoot.Path, "tests", "reference", subfolder, file);

    /// <summary>Writes <paramref name="text"/> to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A reference estimate's estimate, se, interval and p-value (and df) under the names the JSON uses.</summary>
    public static (string Field, double? Expected)[] Fields(EstimateBlock expected, bool df = false) =>
        [("estimate", expected.Estimate), ("se", expected.Se), ("ci_low", expected.CiLow), ("ci_high", expected.CiHigh), ("p_value", expected.PValue), .. df ? new[] { ("df", expected.Df) } : []];

    /// <summary>Compares the numeric fields of an estimate object in a command's JSON with their reference values to a relative tolerance.</summary>
    public static void AssertClose(JsonElement actual, string what, double relative, params (string Field, double? Expected)[] fields)
    {
        foreach (var (field, expected) in fields)
        {
            var e = expected!.Value;
            var a = actual.GetProperty(field).GetDouble();
            Assert.True(Math.Abs(e - a) <= Math.Max(1e-12, relative * Math.Abs(e)), $"{what}.{field}: expected {e:R}, got {a:R}");
        }
    }
}
