using System.Data.Common;
using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Verdict.Experiments.Events;

namespace Verdict.Storage.DuckDb;

/// <summary>
/// The 64-bit hashes (XXH3) of every key a DuckDB store holds — events' idempotency keys and exposures' (experiment,
/// version, unit, arm, time) — kept by a long-lived writer so a load whose keys are all absent from the set, and distinct,
/// is appended without the anti-join over the whole table (the anti-join's cost grows with the table; this check's does
/// not). A key whose hash is in the set may or may not be stored, so such a load takes the exact merge. The set is exact
/// for the table it was read from: each load first compares the tables' row counts with the counts the set was built
/// for (events and exposures are never deleted), and rebuilds it when another writer changed them.
/// </summary>
internal sealed class StoredKeys
{
    private readonly HashSet64 events = new();
    private readonly HashSet64 exposures = new();
    private long eventRows = -1;
    private long exposureRows = -1;

    /// <summary>Makes the set match the tables as this transaction sees them (a count query; a full read when they differ).</summary>
    public void Refresh(EventStore store, DbTransaction transaction)
    {
        long storedEvents, storedExposures;
        using (var counts = store.Command("SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM exposures)", [], transaction))
        using (var reader = counts.ExecuteReader())
        {
            reader.Read();
            (storedEvents, storedExposures) = (Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture));
        }

        if (storedEvents != eventRows)
        {
            events.Clear();
            using var command = store.Command("SELECT idempotency_key FROM events", [], transaction);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                events.Add(Event(reader.GetString(0)));
            }

            eventRows = storedEvents;
        }

        if (storedExposures != exposureRows)
        {
            exposures.Clear();
            using var command = store.Command("SELECT experiment, version, unit_id, arm, ts FROM exposures", [], transaction);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                exposures.Add(Exposure(reader.GetString(0), reader.GetInt32(1), reader.GetString(2), reader.GetString(3), reader.GetInt64(4)));
            }

            exposureRows = storedExposures;
        }
    }

    /// <summary>Loads appended straight into the tables (<see cref="DirectAppend"/>), for tests and diagnostics.</summary>
    public long DirectLoads { get; set; }

    /// <summary>True when an event with this key hash may already be stored.</summary>
    public bool MayHoldEvent(ulong hash) => events.Contains(hash);

    /// <summary>True when an exposure with this key hash may already be stored.</summary>
    public bool MayHoldExposure(ulong hash) => exposures.Contains(hash);

    /// <summary>Records a committed load: the hashes it staged and how many rows it added.</summary>
    public void Committed(IEnumerable<ulong> eventHashes, long eventsAdded, IEnumerable<ulong> exposureHashes, long exposuresAdded)
    {
        foreach (var hash in eventHashes)
        {
            events.Add(hash);
        }

        foreach (var hash in exposureHashes)
        {
            exposures.Add(hash);
        }

        eventRows += eventsAdded;
        exposureRows += exposuresAdded;
    }

    /// <summary>The hash of an event's idempotency key.</summary>
    public static ulong Event(string idempotencyKey) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(idempotencyKey.AsSpan()));

    /// <summary>The hash of an exposure's key (experiment, version, unit, arm, time in microseconds).</summary>
    public static ulong Exposure(ExposureRecord exposure) =>
        Exposure(exposure.Experiment, exposure.Version, exposure.UnitId, exposure.Arm, EventLoader.ToMicroseconds(exposure.Timestamp));

    private static ulong Exposure(string experiment, int version, string unit, string arm, long ts)
    {
        var hash = new XxHash3();
        foreach (var text in (ReadOnlySpan<string>)[experiment, unit, arm])
        {
            hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
            hash.Append([0, 0]);
        }

        Span<byte> numbers = stackalloc byte[12];
        BitConverter.TryWriteBytes(numbers, version);
        BitConverter.TryWriteBytes(numbers[4..], ts);
        hash.Append(numbers);
        return hash.GetCurrentHashAsUInt64();
    }
}
