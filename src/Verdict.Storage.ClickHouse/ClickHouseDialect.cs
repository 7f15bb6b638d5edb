using Verdict.Storage.Dialects;

namespace Verdict.Storage.ClickHouse;

/// <summary>
/// ClickHouse's spelling, in the subset 18.16 and current ClickHouse both accept (docs/analysis.md, "ClickHouse").
/// Property and attribute maps are <c>Nested(key String, value String)</c> columns, so "JSON text" is an array lookup
/// that is exact for every key; values are bound as literals by <see cref="ClickHouseSql.Bind"/>.
/// </summary>
public sealed class ClickHouseDialect : SqlDialect
{
    /// <summary>The shared instance.</summary>
    public static ClickHouseDialect Instance { get; } = new();

    /// <inheritdoc/>
    public override string Name => "ClickHouse";

    /// <inheritdoc/>
    public override string Parameter(string name) => ClickHouseSql.Placeholder(name);

    /// <summary>The value of a key in a Nested map column, NULL when the key is missing.</summary>
    public override string JsonText(string column, string keyParameter) =>
        $"if(has({column}.key, {keyParameter}), {column}.value[indexOf({column}.key, {keyParameter})], NULL)";

    /// <inheritdoc/>
    public override string JsonKey(string key) => key;

    /// <summary>
    /// quantilesExact takes the value at 0-based index ⌊n·f⌋, which is rank ⌈n·f⌉ (percentile_disc) whenever n·f is not
    /// a whole number, as for the fractions (r − ½)/n the analysis asks for. The fractions must be constants.
    /// </summary>
    public override string OrderStatistics(string value, IReadOnlyList<string> fractionParameters) =>
        $"quantilesExact({string.Join(", ", fractionParameters)})({value})";

    /// <summary>multiIf, because 18.16's <c>CASE x WHEN …</c> returns NULL for every row.</summary>
    public override string Choose(string subject, IReadOnlyList<(string When, string Then)> cases) =>
        $"multiIf({string.Concat(cases.Select(c => $"{subject} = {c.When}, {c.Then}, "))}NULL)";

    /// <inheritdoc/>
    public override string FirstBy(string value, string order) => $"argMin({value}, {order})";

    /// <summary>intDiv truncates toward zero; one less when the remainder is negative rounds down.</summary>
    public override string FloorDivide(string numerator, string denominator) =>
        $"(intDiv({numerator}, {denominator}) - if({numerator} % {denominator} < 0, 1, 0))";

    /// <summary>toFloat64OrNull gives inf on overflow and 0 on underflow; inf and nan become NULL.</summary>
    public override string TryCastDouble(string expression) =>
        $"if(isFinite(toFloat64OrNull({expression})), toFloat64OrNull({expression}), NULL)";

    /// <inheritdoc/>
    public override string JsonKeys(string column) => $"arrayJoin({column}.key)";

    /// <inheritdoc/>
    public override string TextType => "String";

    /// <inheritdoc/>
    public override string DoubleType => "Float64";

    /// <summary>
    /// Each shard's tables. ReplacingMergeTree keeps one row per sorting key when parts merge, and the analysis reads
    /// with FINAL, so an event stored twice (a retried or concurrent load) counts once; the sorting key starts with
    /// the unit so a unit's rows sit together. Distributed tables over these are created by the store.
    /// </summary>
    public override IReadOnlyList<string> SchemaStatements { get; } =
    [
        """
        CREATE TABLE IF NOT EXISTS exposures_local (
            experiment String, version Int32, unit_id String, arm String, ts Int64,
            receipt_hash Nullable(String), attributes Nested(key String, value String))
        ENGINE = ReplacingMergeTree() ORDER BY (unit_id, experiment, version, arm, ts)
        """,
        """
        CREATE TABLE IF NOT EXISTS events_local (
            idempotency_key String, name String, unit_id String, ts Int64,
            value Nullable(Float64), properties Nested(key String, value String))
        ENGINE = ReplacingMergeTree() ORDER BY (unit_id, idempotency_key)
        """,
    ];

    /// <summary>The Distributed tables over the shards' tables, sharded by the unit so per-unit work stays on one shard.</summary>
    public static IReadOnlyList<string> DistributedStatements(string cluster, string database) =>
    [
        $"CREATE TABLE IF NOT EXISTS exposures AS exposures_local ENGINE = Distributed({ClickHouseSql.Identifier(cluster)}, {ClickHouseSql.Identifier(database)}, exposures_local, cityHash64(unit_id))",
        $"CREATE TABLE IF NOT EXISTS events AS events_local ENGINE = Distributed({cluster}, {database}, events_local, cityHash64(unit_id))",
    ];
}
