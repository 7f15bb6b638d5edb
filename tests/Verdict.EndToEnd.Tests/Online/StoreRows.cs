using System.Globalization;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>Reads what the server stored, through a connection of the test's own.</summary>
internal static class StoreRows
{
    public static List<(string Unit, string Arm, string? ReceiptHash)> Exposures(Func<EventStore> open)
    {
        using var store = open();
        using var reader = store.Query("SELECT unit_id, arm, receipt_hash FROM exposures ORDER BY unit_id", []);
        var rows = new List<(string, string, string?)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
        }

        return rows;
    }

    /// <summary>Events of one name: unit, value, and the JSON properties as text.</summary>
    public static List<(string Unit, double? Value, string Properties)> Events(Func<EventStore> open, string name)
    {
        using var store = open();
        var p = new SqlParameters(store.Dialect);
        using var reader = store.Query($"SELECT unit_id, value, CAST(properties AS TEXT) FROM events WHERE name = {p.Add(name)} ORDER BY ts", p.Values);
        var rows = new List<(string, double?, string)>();
        while (reader.Read())
        {
            rows.Add((reader.GetString(0), reader.IsDBNull(1) ? null : Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture), reader.IsDBNull(2) ? "{}" : reader.GetString(2)));
        }

        return rows;
    }
}
