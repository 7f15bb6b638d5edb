namespace Verdict.Storage.Postgres;

/// <summary>PostgreSQL's spelling of the analysis SQL.</summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    public override string Name => "PostgreSQL";

    public override string Parameter(string name) => "@" + name;

    public override string JsonText(string column, string keyParameter) => $"({column} ->> {keyParameter})";

    public override string JsonKey(string key) => key;

    public override string OrderStatistics(string value, IReadOnlyList<string> fractionParameters) =>
        $"percentile_disc(ARRAY[{string.Join(", ", fractionParameters)}]::double precision[]) WITHIN GROUP (ORDER BY {value})";

    public override string FirstBy(string value, string order) => $"(array_agg({value} ORDER BY {order}))[1]";

    public override string FloorDivide(string numerator, string denominator) => $"div({numerator}, {denominator})";

    public override string JsonKeys(string column) => $"jsonb_object_keys({column})";

    public override string TextType => "TEXT";

    /// <summary>A transaction-scoped advisory lock (the number is Verdict's own): a second load waits, then sees the first's columns.</summary>
    public override string? CatalogLock => "SELECT pg_advisory_xact_lock(7307100311)";

    public override string TryCastDouble(string expression) =>
        $"(CASE WHEN {expression} ~ '^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$' THEN ({expression})::double precision END)";

    /// <summary>Temporary tables are never auto-analysed; without statistics the planner picks nested loops.</summary>
    public override string? RefreshStatistics(string table) => $"ANALYZE {table}";

    public override string DoubleType => "DOUBLE PRECISION";

    public override IReadOnlyList<string> SchemaStatements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS exposures (
            experiment TEXT NOT NULL,
            version INTEGER NOT NULL,
            unit_id TEXT NOT NULL,
            arm TEXT NOT NULL,
            ts BIGINT NOT NULL,
            receipt_hash TEXT,
            attributes JSONB
        )
        """,
        "CREATE INDEX IF NOT EXISTS exposures_experiment ON exposures (experiment, version, unit_id)",
        """
        CREATE TABLE IF NOT EXISTS events (
            idempotency_key TEXT NOT NULL,
            name TEXT NOT NULL,
            unit_id TEXT NOT NULL,
            ts BIGINT NOT NULL,
            value DOUBLE PRECISION,
            properties JSONB
        )
        """,
        "CREATE UNIQUE INDEX IF NOT EXISTS events_idempotency_key ON events (idempotency_key)",
        "CREATE INDEX IF NOT EXISTS events_unit ON events (unit_id, name)",
        "CREATE TABLE IF NOT EXISTS property_columns (key TEXT NOT NULL PRIMARY KEY, position INTEGER NOT NULL)",
    ];
}
