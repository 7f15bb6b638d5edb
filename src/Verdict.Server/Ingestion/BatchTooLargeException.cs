namespace Verdict.Server.Ingestion;

/// <summary>A request body carries more rows than one batch may (answered 413; nothing of it is stored).</summary>
public sealed class BatchTooLargeException(int maxRows) : Exception($"a batch may carry at most {maxRows} rows")
{
    /// <summary>The limit that was passed.</summary>
    public int MaxRows { get; } = maxRows;
}
