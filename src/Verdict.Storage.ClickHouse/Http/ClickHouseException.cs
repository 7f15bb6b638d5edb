namespace Verdict.Storage.ClickHouse.Http;

/// <summary>An error the ClickHouse server returned (its message, with the HTTP status), or a malformed reply.</summary>
public sealed class ClickHouseException(string message, Exception? inner = null) : Exception(message, inner);
