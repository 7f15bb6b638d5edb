using Verdict.Arena.Configuration;
using Verdict.Arena.Running;

namespace Verdict.Arena.Tests;

/// <summary>A temporary directory holding one test's arena files and cache; deleted afterwards.</summary>
internal sealed class ArenaDirectory : IDisposable
{
    public ArenaDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "verdict-arena-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Cache => System.IO.Path.Combine(Path, "cache");

    public string ArenaFile => System.IO.Path.Combine(Path, "arena.yaml");

    public string Write(string name, string text)
    {
        var file = System.IO.Path.Combine(Path, name);
        File.WriteAllText(file, text);
        return file;
    }

    public ArenaSpec Arena(string yaml, string golden)
    {
        Write("golden.jsonl", golden);
        Write("arena.yaml", yaml);
        return ArenaSpecLoader.Load(ArenaFile);
    }

    public ArenaRunOptions Options(int? concurrency = null) => new() { CacheDirectory = Cache, Concurrency = concurrency };

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
