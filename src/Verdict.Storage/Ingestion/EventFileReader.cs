using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using DuckDB.NET.Data;
using Verdict.Experiments.Events;

namespace Verdict.Storage.Ingestion;

/// <summary>Reads CSV, NDJSON and Parquet event files row by row into an <see cref="IEventSink"/> (docs/events.md).</summary>
public static class EventFileReader
{
    /// <summary>
    /// Why <paramref name="path"/> cannot be read as an event file (a directory, missing, unreadable, or an extension
    /// that names no format), or null when it can be opened: checked for every file before a store is touched.
    /// </summary>
    public static string? Unreadable(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (Directory.Exists(path))
        {
            return $"{path} is a directory, not an event file";
        }

        if (!File.Exists(path))
        {
            return $"{path} does not exist";
        }

        if (Path.GetExtension(path).ToLowerInvariant() is not (".csv" or ".ndjson" or ".jsonl" or ".json" or ".parquet"))
        {
            return $"{path}: unknown format: expected a .csv, .ndjson (.jsonl) or .parquet file";
        }

        try
        {
            using var probe = File.OpenRead(path);
            return null;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return $"{path} cannot be read: {e.Message}";
        }
    }

    /// <summary>Reads <paramref name="path"/>; the format follows the extension (.csv, .ndjson/.jsonl/.json, .parquet).</summary>
    public static void Read(string path, IEventSink sink, EventStore? store = null)
    {
        ArgumentNullException.ThrowIfNull(sink);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} does not exist", path);
        }

        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".csv":
                ReadCsv(path, sink);
                break;
            case ".ndjson" or ".jsonl" or ".json":
                ReadNdjson(path, sink);
                break;
            case ".parquet":
                ReadParquet(path, sink);
                break;
            default:
                throw new IngestException(path, 0, "unknown format: expected a .csv, .ndjson (.jsonl) or .parquet file");
        }
    }

    private static void ReadCsv(string path, IEventSink sink)
    {
        using var reader = new StreamReader(path);
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { DetectColumnCountChanges = true };
        using var csv = new CsvReader(reader, configuration);
        try
        {
            if (!csv.Read() || !csv.ReadHeader())
            {
                throw new IngestException(path, 1, "the file is empty: expected a header row");
            }

            var header = csv.HeaderRecord!;
            while (csv.Read())
            {
                var row = new RawRow(path, csv.Parser.RawRow);
                for (var i = 0; i < header.Length; i++)
                {
                    var value = csv.GetField(i);
                    row.Fields[header[i]] = string.IsNullOrEmpty(value) ? null : value;
                }

                row.SendTo(sink);
            }
        }
        catch (CsvHelperException e) when (e is not null)
        {
            throw new IngestException(path, csv.Parser.RawRow, "malformed CSV: " + e.Message.Split('\n')[0]);
        }
    }

    private static void ReadNdjson(string path, IEventSink sink)
    {
        long line = 0;
        foreach (var text in File.ReadLines(path))
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            JsonRows.ReadLine(text, path, line, sink);
        }
    }

    private static void ReadParquet(string path, IEventSink sink)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT * FROM read_parquet($path)";
        command.Parameters.Add(new DuckDBParameter("path", path));
        DuckDBDataReader reader;
        try
        {
            reader = (DuckDBDataReader)command.ExecuteReader();
        }
        catch (DuckDBException e)
        {
            throw new IngestException(path, 0, "cannot read Parquet: " + e.Message.Split('\n')[0].Trim());
        }

        using (reader)
        {
            long line = 0;
            while (reader.Read())
            {
                var row = new RawRow(path, ++line);
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    row.Fields[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i) switch
                    {
                        IDictionary<string, string> map => new Dictionary<string, string>(map, StringComparer.Ordinal),
                        var v => v,
                    };
                }

                row.SendTo(sink);
            }
        }
    }
}
