namespace Verdict.Storage.Dialects;

/// <summary>
/// The seam between the metric compiler and a SQL engine: everything that is spelled differently. The analysis SQL
/// is otherwise ANSI (CTEs, GROUPING SETS, window functions), so a column store such as ClickHouse or a cloud
/// warehouse plugs in by implementing this class and a bulk loader. User text never enters SQL: names and values
/// travel as parameters.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The engine's name, for messages.</summary>
    public abstract string Name { get; }

    /// <summary>How a named parameter is written in SQL, e.g. <c>$p0</c> or <c>@p0</c>.</summary>
    public abstract string Parameter(string name);

    /// <summary>The text value of a JSON object's key, where the key is bound to <paramref name="keyParameter"/>.</summary>
    public abstract string JsonText(string column, string keyParameter);

    /// <summary>
    /// One parse of a JSON text column from which several keys are then read with <see cref="JsonItem"/>; engines that
    /// can extract many paths in one pass return that list here, the others return the column itself.
    /// </summary>
    public virtual string JsonParse(string column, IReadOnlyList<string> keyParameters) => column;

    /// <summary>The text of key number <paramref name="index"/> (0-based) of a <see cref="JsonParse"/> result.</summary>
    public virtual string JsonItem(string parsed, int index, IReadOnlyList<string> keyParameters) => JsonText(parsed, keyParameters[index]);

    /// <summary>
    /// An aggregate returning, as one array, the order statistics at the given fractions: for fraction f of n values,
    /// the value of rank ⌈n·f⌉ (the discrete percentile of SQL's <c>percentile_disc</c>).
    /// </summary>
    public abstract string OrderStatistics(string value, IReadOnlyList<string> fractionParameters);

    /// <summary>The value bound for a JSON key (a path such as <c>$."device"</c>, or the bare key).</summary>
    public abstract string JsonKey(string key);

    /// <summary>The value of <paramref name="value"/> on the row with the smallest <paramref name="order"/> in a group.</summary>
    public abstract string FirstBy(string value, string order);

    /// <summary>Integer division rounding down (both operands BIGINT).</summary>
    public abstract string FloorDivide(string numerator, string denominator);

    /// <summary>A text expression cast to double: NULL when it is not a finite number, 0 when it underflows.</summary>
    public abstract string TryCastDouble(string expression);

    /// <summary>Whether <see cref="JsonKey"/> can address <paramref name="key"/> exactly (keys that cannot stay out of the property columns).</summary>
    public virtual bool HasJsonPath(string key) => true;

    /// <summary>A set-returning expression giving each key of a JSON object column as a row.</summary>
    public abstract string JsonKeys(string column);

    /// <summary>
    /// A statement that makes concurrent loads take turns at extending the property-column catalog until their
    /// transactions end, for engines where several writers can meet a new key at once; null when one writer is all
    /// the engine allows.
    /// </summary>
    public virtual string? CatalogLock => null;

    /// <summary>SQL's simple CASE: the result of the first pair whose value equals <paramref name="subject"/>, NULL when none does.</summary>
    public virtual string Choose(string subject, IReadOnlyList<(string When, string Then)> cases) =>
        $"CASE {subject}{string.Concat(cases.Select(c => $" WHEN {c.When} THEN {c.Then}"))} END";

    /// <summary>The text type name.</summary>
    public virtual string TextType => "VARCHAR";

    /// <summary>The double-precision type name.</summary>
    public virtual string DoubleType => "DOUBLE";

    /// <summary>
    /// True when the analysis groups the units inside the values statement instead of writing them to a table of their
    /// own first (docs/analysis-sql.md): cheaper where the planner needs no statistics of the units to join them well.
    /// </summary>
    public virtual bool InlineUnits => false;

    /// <summary>A statement refreshing a freshly created temporary table's planner statistics, when the engine needs one.</summary>
    public virtual string? RefreshStatistics(string table) => null;

    /// <summary>DDL creating the event tables and the property-column catalog when missing.</summary>
    public abstract IReadOnlyList<string> SchemaStatements { get; }

    /// <summary>
    /// A query counting the indexes named by the parameter <paramref name="nameParameter"/> in the current schema, or null
    /// for an engine without unique indexes (which must then make loads idempotent its own way).
    /// </summary>
    public virtual string? IndexCount(string nameParameter) => null;

    /// <summary>
    /// Deletes all but one row of each group of rows of <paramref name="table"/> equal on <paramref name="keyColumns"/>, so
    /// a unique key can be created on a store written before the key existed.
    /// </summary>
    public virtual string DeleteDuplicates(string table, string keyColumns) => throw new NotSupportedException($"{Name} has no unique keys");

    /// <summary>The clause that makes an insert skip rows whose unique key exists (empty for an engine without unique keys).</summary>
    public virtual string ConflictSkip => "ON CONFLICT DO NOTHING";
}
