using Verdict.Storage.Dialects;

namespace Verdict.Storage.Postgres;

/// <summary>PostgreSQL's spelling of the analysis SQL.</summary>
public sealed class PostgresDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static PostgresDialect Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "PostgreSQL";

    /// <inheritdoc/>
    public override string Parameter(string name) => "@" + name;

    /// <inheritdoc/>
    public override string JsonText(string column, string keyParameter) => $"({column} ->> {keyParameter})";

    /// <inheritdoc/>
    public override string JsonKey(string key) => key;

    /// <inheritdoc/>
    public override string OrderStatistics(string value, IReadOnlyList<string> fractionParameters) =>
        $"percentile_disc(ARRAY[{string.Join(", ", fractionParameters)}]::double precision[]) WITHIN GROUP (ORDER BY {value})";

    /// <inheritdoc/>
    public override string FirstBy(string value, string order) => $"(array_agg({value} ORDER BY {order}))[1]";

    /// <inheritdoc/>
    public override string FloorDivide(string numerator, string denominator) => $"div({numerator}, {denominator})";

    /// <inheritdoc/>
    public override string JsonKeys(string column) => $"jsonb_object_keys({column})";

    /// <inheritdoc/>
    public override string TextType => "TEXT";

    /// <summary>A transaction-scoped advisory lock (the number is Verdict's own): a second load waits, then sees the first's columns.</summary>
    public override string? CatalogLock => "SELECT pg_advisory_xact_lock(7307100311)";

    /// <summary>
    /// A number's text cast inline. Text with an exponent or over 300 characters may be out of range, which PostgreSQL
    /// reports as an error; <c>verdict_try_double</c> turns that into NULL (overflow) or 0 (underflow), as DuckDB's
    /// cast does. Plain decimals of up to 300 characters are always in range.
    /// </summary>
    public override string TryCastDouble(string expression) =>
        $"(CASE WHEN {expression} ~ '^[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?$' THEN "
        + $"CASE WHEN {expression} ~ '[eE]' OR length({expression}) > 300 THEN verdict_try_double({expression}) ELSE ({expression})::double precision END END)";

    /// <summary>Temporary tables are never auto-analysed; without statistics the planner picks nested loops.</summary>
    public override string? RefreshStatistics(string table) => $"ANALYZE {table}";

    /// <inheritdoc/>
    public override string DoubleType => "DOUBLE PRECISION";

    /// <inheritdoc/>
    public override string? IndexCount(string nameParameter) =>
        $"SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname = {nameParameter}";

    /// <inheritdoc/>
    public override string DeleteDuplicates(string table, string keyColumns) =>
        $"DELETE FROM {table} WHERE ctid NOT IN (SELECT MIN(ctid) FROM {table} GROUP BY {keyColumns})";

    /// <inheritdoc/>
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
        """
        DO $do$ BEGIN
            IF to_regprocedure('verdict_try_double(text)') IS NULL THEN
                CREATE FUNCTION verdict_try_double(t text) RETURNS double precision LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $f$
                BEGIN
                    RETURN t::double precision;
                EXCEPTION WHEN numeric_value_out_of_range OR invalid_text_representation THEN
                    RETURN CASE WHEN t ~ '[eE]-' THEN 0 END;
                END $f$;
            END IF;
        END $do$
        """,
    ];
}
