namespace Verdict.Storage.Ingestion;

/// <summary>A file was rejected: the file, the 1-based line (or row) and why. Nothing of the file was loaded.</summary>
public sealed class IngestException(string path, long line, string reason)
    : Exception($"{Path.GetFileName(path)}:{line}: {reason}; the file was not loaded")
{
    /// <summary>The file being read.</summary>
    public string FilePath { get; } = path;

    /// <summary>The 1-based line (or row) of the problem.</summary>
    public long Line { get; } = line;

    /// <summary>What is wrong with the row.</summary>
    public string Reason { get; } = reason;
}
