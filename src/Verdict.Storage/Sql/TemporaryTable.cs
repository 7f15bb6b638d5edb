namespace Verdict.Storage.Sql;

/// <summary>Names for the temporary tables one load materializes: unique per call, so concurrent loads never share one.</summary>
internal static class TemporaryTable
{
    /// <summary><paramref name="prefix"/> followed by 32 hex digits of a new GUID (47 characters at most for the prefixes used, under PostgreSQL's 63).</summary>
    public static string Name(string prefix) => prefix + Guid.NewGuid().ToString("N");
}
