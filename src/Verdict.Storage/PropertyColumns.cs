using System.Data.Common;
using System.Globalization;
using System.Text;
using Verdict.Storage.Dialects;
using Verdict.Storage.Sql;

namespace Verdict.Storage;

/// <summary>
/// The typed columns that hold event properties beside their JSON: the first <see cref="EventStore.PropertyColumnLimit"/>
/// property keys a store sees each get a text column <c>p{n}</c> and a number column <c>p{n}_num</c> (the text cast
/// with <see cref="SqlDialect.TryCastDouble"/>, as the analysis casts it), filled when events are merged, so analyses read a column instead of
/// parsing JSON. Column names are generated; the key itself lives only in the catalog table
/// <c>property_columns (key, position)</c> and in bound parameters. A key gets its column when it is first seen,
/// so the column is complete for every stored event; keys first seen after the limit, and keys the dialect cannot
/// address (<see cref="SqlDialect.HasJsonPath"/>), stay JSON-only and analyses parse them (docs/events.md, "Property columns").
/// </summary>
internal static class PropertyColumns
{
    public const string Catalog = "property_columns";

    public static string Text(int position) => "p" + position.ToString(CultureInfo.InvariantCulture);

    public static string Number(int position) => Text(position) + "_num";

    /// <summary>Key → position of every property that has columns.</summary>
    public static Dictionary<string, int> Read(EventStore store, DbTransaction? transaction = null)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        if (store.WithoutPropertyCatalog)
        {
            return positions;
        }

        using var command = store.Command($"SELECT key, position FROM {Catalog}", [], transaction);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            positions[reader.GetString(0)] = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
        }

        return positions;
    }

    /// <summary>
    /// Gives columns to the keys in <paramref name="keys"/> that have none, in ordinal order, while the limit allows;
    /// with <paramref name="backfill"/>, fills them from the JSON of the events already stored (an upgrade of a store
    /// written before the columns existed). Returns the whole catalog.
    /// </summary>
    public static Dictionary<string, int> Extend(EventStore store, DbTransaction transaction, IEnumerable<string> keys, bool backfill)
    {
        var positions = Read(store, transaction);
        var candidates = keys.Where(k => store.Dialect.HasJsonPath(k) && !positions.ContainsKey(k)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (candidates.Count > 0 && positions.Count < store.PropertyColumnLimit && store.Dialect.CatalogLock is { } statement)
        {
            // Loads that meet new keys take turns; after the wait the catalog is read again with the other's keys.
            store.Execute(statement, [], transaction);
            positions = Read(store, transaction);
            candidates.RemoveAll(positions.ContainsKey);
        }

        var added = new List<(string Key, int Position)>();
        foreach (var key in candidates)
        {
            if (positions.Count >= store.PropertyColumnLimit)
            {
                break;
            }

            var position = positions.Count == 0 ? 1 : positions.Values.Max() + 1;
            positions[key] = position;
            added.Add((key, position));
            var p = new SqlParameters(store.Dialect);
            store.Execute($"INSERT INTO {Catalog} (key, position) VALUES ({p.Add(key)}, {p.Add(position)})", p.Values, transaction);
            store.Execute($"ALTER TABLE events ADD COLUMN {Text(position)} {store.Dialect.TextType}", [], transaction);
            store.Execute($"ALTER TABLE events ADD COLUMN {Number(position)} {store.Dialect.DoubleType}", [], transaction);
        }

        if (backfill && added.Count > 0)
        {
            // A one-time upgrade: each key is read from the JSON on its own, which is simple and fast enough.
            var p = new SqlParameters(store.Dialect);
            var sets = string.Join(", ", added.Select(a =>
            {
                var text = store.Dialect.JsonText("properties", p.Add(store.Dialect.JsonKey(a.Key)));
                return $"{Text(a.Position)} = {text}, {Number(a.Position)} = {store.Dialect.TryCastDouble(text)}";
            }));
            store.Execute($"UPDATE events SET {sets} WHERE properties IS NOT NULL", p.Values, transaction);
        }

        return positions;
    }

    /// <summary>
    /// For an INSERT … SELECT of events: the column list (<c>, p1, p1_num, …</c>), the matching values read from
    /// <c>pl</c>, and <c>pl</c> itself: one parse of the <c>properties</c> column for every key.
    /// </summary>
    public static (string Columns, string Values, string Parse) Insert(SqlDialect dialect, SqlParameters p, IReadOnlyDictionary<string, int> positions)
    {
        if (positions.Count == 0)
        {
            return (string.Empty, string.Empty, "NULL");
        }

        var ordered = positions.OrderBy(kv => kv.Value).ToList();
        var parameters = ordered.Select(kv => p.Add(dialect.JsonKey(kv.Key))).ToList();
        var columns = new StringBuilder();
        var values = new StringBuilder();
        for (var i = 0; i < ordered.Count; i++)
        {
            var text = dialect.JsonItem("pl", i, parameters);
            columns.Append(CultureInfo.InvariantCulture, $", {Text(ordered[i].Value)}, {Number(ordered[i].Value)}");
            values.Append(CultureInfo.InvariantCulture, $", {text}, {dialect.TryCastDouble(text)}");
        }

        return (columns.ToString(), values.ToString(), dialect.JsonParse("properties", parameters));
    }
}
