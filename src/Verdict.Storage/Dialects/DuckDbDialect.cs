using Verdict.Storage.DuckDb;

namespace Verdict.Storage.Dialects;

/// <summary>DuckDB's spelling of the analysis SQL.</summary>
public sealed class DuckDbDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static DuckDbDialect Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "DuckDB";

    /// <inheritdoc/>
    public override string Parameter(string name) => "$" + name;

    /// <inheritdoc/>
    public override string JsonText(string column, string keyParameter) => $"json_extract_string({column}, {keyParameter})";

    /// <inheritdoc/>
    public override string JsonKey(string key) =>
        "$.\"" + key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";

    /// <summary>The empty key has no path ($."" is an error) and a quoted * is still a wildcard.</summary>
    public override bool HasJsonPath(string key) => key.Length > 0 && key != "*";

    /// <inheritdoc/>
    public override string JsonParse(string column, IReadOnlyList<string> keyParameters) =>
        keyParameters.Count == 1 ? column : $"json_extract_string({column}, [{string.Join(", ", keyParameters)}])";

    /// <inheritdoc/>
    public override string JsonItem(string parsed, int index, IReadOnlyList<string> keyParameters) =>
        keyParameters.Count == 1 ? JsonText(parsed, keyParameters[0]) : $"{parsed}[{index + 1}]";

    /// <inheritdoc/>
    public override string OrderStatistics(string value, IReadOnlyList<string> fractionParameters) =>
        $"quantile_disc({value}, [{string.Join(", ", fractionParameters)}])";

    /// <inheritdoc/>
    public override string FirstBy(string value, string order) => $"arg_min({value}, {order})";

    /// <inheritdoc/>
    public override string FloorDivide(string numerator, string denominator) => $"({numerator} // {denominator})";

    /// <inheritdoc/>
    public override string JsonKeys(string column) => $"unnest(json_keys({column}))";

    /// <inheritdoc/>
    public override bool InlineUnits => true;

    /// <inheritdoc/>
    public override string TryCastDouble(string expression) =>
        $"(CASE WHEN isfinite(TRY_CAST({expression} AS DOUBLE)) THEN TRY_CAST({expression} AS DOUBLE) END)";

    /// <summary>
    /// No unique indexes: DuckDB has one writer per file (its file lock across processes; loads in one process take
    /// turns, <see cref="DuckDbEventStore.BeginLoad"/>), so the merge's key check cannot race. Persisted ART indexes on
    /// the keys would triple the file and slow loads by a third (docs/events.md, measured).
    /// </summary>
    public override string? IndexCount(string nameParameter) => null;

    /// <inheritdoc/>
    public override string ConflictSkip => string.Empty;

    /// <inheritdoc/>
    public override IReadOnlyList<string> SchemaStatements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS exposures (
            experiment VARCHAR NOT NULL,
            version INTEGER NOT NULL,
            unit_id VARCHAR NOT NULL,
            arm VARCHAR NOT NULL,
            ts BIGINT NOT NULL,
            receipt_hash VARCHAR,
            attributes VARCHAR
        )
        """,
        """
        CREATE TABLE IF NOT EXISTS events (
            idempotency_key VARCHAR NOT NULL,
            name VARCHAR NOT NULL,
            unit_id VARCHAR NOT NULL,
            ts BIGINT NOT NULL,
            value DOUBLE,
            properties VARCHAR
        )
        """,
        "CREATE TABLE IF NOT EXISTS property_columns (key VARCHAR NOT NULL PRIMARY KEY, position INTEGER NOT NULL)",
    ];
}
