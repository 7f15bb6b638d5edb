namespace Verdict.Storage;

/// <summary>A file was rejected: the file, the 1-based line (or row) and why. Nothing of the file was loaded.</summary>
public sealed class IngestException(string path, long line, string reason)
    : Exception($"{Path.GetFileName(path)}:{line}: {reason}; the file was not loaded")
{
    public string FilePath { get; } = path;

    public long Line { get; } = line;

    public string Reason { get; } = reason;
}
