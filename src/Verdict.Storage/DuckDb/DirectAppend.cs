using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Events;

namespace Verdict.Storage.DuckDb;

/// <summary>
/// A load whose keys are all new and distinct (<see cref="StoredKeys"/>) appended straight into <c>exposures</c> and
/// <c>events</c> through DuckDB's Appender, with the property columns filled here, instead of staging tables merged by
/// an INSERT … SELECT that parses the JSON again: the rows and columns stored are the same (the merge's text column is
/// the property's text, its number column <see cref="PropertyNumbers"/>). Declines (the caller stages instead) when a
/// table's columns are not the layout expected, or a property that has columns holds a NUL or a key with characters
/// other than ASCII letters, digits, <c>_</c> and <c>-</c> (for which only the JSON path's own reading is authoritative).
/// </summary>
internal static class DirectAppend
{
    private static readonly string[] ExposureColumns = ["experiment", "version", "unit_id", "arm", "ts", "receipt_hash", "attributes"];
    private static readonly string[] EventColumns = ["idempotency_key", "name", "unit_id", "ts", "value", "properties"];

    /// <summary>Appends the rows and returns true, or returns false having appended nothing.</summary>
    public static bool TryAppend(EventStore store, DuckDBConnection connection, DbTransaction transaction, IReadOnlyDictionary<string, int> positions, PropertyNumbers numbers, IReadOnlyList<ExposureRecord> exposures, IReadOnlyList<OutcomeEvent> events)
    {
        var slots = EventLayout(store, transaction, positions, out var columns);
        if (slots is null)
        {
            return false;
        }

        var unresolved = new HashSet<string>(StringComparer.Ordinal);
        foreach (var outcome in events)
        {
            foreach (var (key, text) in outcome.Properties)
            {
                if (!slots.ContainsKey(key))
                {
                    continue;
                }

                if (!IsPlainKey(key) || text.Contains('\0', StringComparison.Ordinal))
                {
                    return false;
                }

                if (!numbers.TryGet(text, out _))
                {
                    unresolved.Add(text);
                }
            }
        }

        numbers.Resolve(store, transaction, unresolved);
        if (exposures.Count > 0)
        {
            using var appender = connection.CreateAppender("exposures");
            foreach (var exposure in exposures)
            {
                Row(appender, exposure).EndRow();
            }
        }

        if (events.Count > 0)
        {
            var texts = new string?[slots.Count];
            using var appender = connection.CreateAppender("events");
            foreach (var outcome in events)
            {
                Array.Clear(texts);
                foreach (var (key, text) in outcome.Properties)
                {
                    if (slots.TryGetValue(key, out var slot))
                    {
                        texts[slot] = text;
                    }
                }

                var row = Row(appender, outcome);
                foreach (var (slot, number) in columns)
                {
                    row = number
                        ? row.AppendValue(texts[slot] is { } text ? numbers.Of(text) : null)
                        : row.AppendValue(texts[slot]);
                }

                row.EndRow();
            }
        }

        return true;
    }

    /// <summary>An exposure's row (the exposures table's columns, as staged), not yet ended.</summary>
    internal static IDuckDBAppenderRow Row(DuckDBAppender appender, ExposureRecord exposure) =>
        appender.CreateRow()
            .AppendValue(exposure.Experiment)
            .AppendValue((int?)exposure.Version)
            .AppendValue(exposure.UnitId)
            .AppendValue(exposure.Arm)
            .AppendValue((long?)EventLoader.ToMicroseconds(exposure.Timestamp))
            .AppendValue(exposure.ReceiptHash)
            .AppendValue(EventLoader.ToJson(exposure.Attributes));

    /// <summary>An event's row up to its property columns (the staging table's columns), not yet ended.</summary>
    internal static IDuckDBAppenderRow Row(DuckDBAppender appender, OutcomeEvent outcome) =>
        appender.CreateRow()
            .AppendValue(outcome.IdempotencyKey)
            .AppendValue(outcome.Name)
            .AppendValue(outcome.UnitId)
            .AppendValue((long?)EventLoader.ToMicroseconds(outcome.Timestamp))
            .AppendValue(outcome.Value)
            .AppendValue(EventLoader.ToJson(outcome.Properties));

    /// <summary>Letters, digits, <c>_</c> and <c>-</c>: keys whose JSON path reads exactly the key.</summary>
    internal static bool IsPlainKey(string key) =>
        key.Length > 0 && !key.AsSpan().ContainsAnyExcept(PlainKeyCharacters);

    private static readonly System.Buffers.SearchValues<char> PlainKeyCharacters =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <summary>
    /// Key → slot of every property with columns, and the events table's property columns in table order as (slot, is
    /// the number column); null when the tables are not laid out as expected.
    /// </summary>
    private static Dictionary<string, int>? EventLayout(EventStore store, DbTransaction transaction, IReadOnlyDictionary<string, int> positions, out List<(int Slot, bool Number)> columns)
    {
        columns = [];
        var exposureColumns = new List<string>();
        var eventColumns = new List<string>();
        using (var command = store.Command("SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name IN ('events', 'exposures') ORDER BY table_name, column_index", [], transaction))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                (reader.GetString(0) == "events" ? eventColumns : exposureColumns).Add(reader.GetString(1));
            }
        }

        if (!exposureColumns.SequenceEqual(ExposureColumns) || eventColumns.Count < EventColumns.Length || !eventColumns.Take(EventColumns.Length).SequenceEqual(EventColumns))
        {
            return null;
        }

        var keyOf = positions.ToDictionary(kv => kv.Value, kv => kv.Key);
        var slots = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in eventColumns.Skip(EventColumns.Length))
        {
            var number = column.EndsWith("_num", StringComparison.Ordinal);
            var digits = column.AsSpan(1, column.Length - 1 - (number ? 4 : 0));
            if (column[0] != 'p' || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || !keyOf.TryGetValue(position, out var key))
            {
                return null;
            }

            if (!slots.TryGetValue(key, out var slot))
            {
                slot = slots.Count;
                slots[key] = slot;
            }

            columns.Add((slot, number));
        }

        return slots;
    }
}
