using System.Text.Json;
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

    /// <summary>Compares the numeric <paramref name="fields"/> of two estimate objects to a relative tolerance.</summary>
    public static void AssertClose(JsonElement expected, JsonElement actual, string what, double relative, params string[] fields)
    {
        foreach (var field in fields)
        {
            var e = expected.GetProperty(field).GetDouble();
            var a = actual.GetProperty(field).GetDouble();
            Assert.True(Math.Abs(e - a) <= Math.Max(1e-12, relative * Math.Abs(e)), $"{what}.{field}: expected {e:R}, got {a:R}");
        }
    }
}
