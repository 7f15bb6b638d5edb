using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Verdict.Server.Auth;
using Verdict.Storage;
using Verdict.Storage.Sql;

namespace Verdict.Server.ControlPlane;

/// <summary>
/// The server's own tables beside the events, in the same store: API keys, experiment versions and the append-only
/// audit log (docs/server.md, "What the server stores"). Every change and its audit line commit in one transaction.
/// Not thread-safe: the server calls it under one lock.
/// </summary>
public sealed class ControlPlaneStore : IDisposable
{
    private static readonly string[] Schema =
    [
        "CREATE TABLE IF NOT EXISTS verdict_api_keys (id TEXT PRIMARY KEY, role TEXT NOT NULL, name TEXT NOT NULL, secret_hash TEXT NOT NULL, created_at TEXT NOT NULL, revoked_at TEXT)",
        "CREATE TABLE IF NOT EXISTS verdict_experiments (experiment TEXT NOT NULL, version INTEGER NOT NULL, status TEXT NOT NULL, exposure DOUBLE PRECISION NOT NULL, lock_hash TEXT NOT NULL, brief_yaml TEXT NOT NULL, files_json TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL, PRIMARY KEY (experiment, version))",
        // The ladder stage (docs/monitor.md, "The ladder"); added to stores created before it existed.
        "ALTER TABLE verdict_experiments ADD COLUMN IF NOT EXISTS stage TEXT",
        "CREATE TABLE IF NOT EXISTS verdict_audit (seq BIGINT PRIMARY KEY, experiment TEXT NOT NULL, version INTEGER, at_time TEXT NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL, reason TEXT, before_json TEXT, after_json TEXT)",
    ];

    private readonly EventStore store;

    /// <summary>Creates the tables when missing.</summary>
    public ControlPlaneStore(EventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        this.store = store;
        using var transaction = store.Connection.BeginTransaction();
        foreach (var statement in Schema)
        {
            store.Execute(statement, [], transaction);
        }

        transaction.Commit();
    }

    /// <summary>Every key, revoked ones included.</summary>
    public IReadOnlyList<ApiKeyRecord> Keys()
    {
        var keys = new List<ApiKeyRecord>();
        using var reader = store.Query("SELECT id, role, name, secret_hash, created_at, revoked_at FROM verdict_api_keys ORDER BY created_at, id", []);
        while (reader.Read())
        {
            keys.Add(new ApiKeyRecord(
                reader.GetString(0),
                Enum.Parse<ApiKeyRole>(reader.GetString(1), ignoreCase: true),
                reader.GetString(2),
                reader.GetString(3),
                Time(reader.GetString(4)),
                reader.IsDBNull(5) ? null : Time(reader.GetString(5))));
        }

        return keys;
    }

    /// <summary>Stores a new key (its hash only) and audits it under the experiment name <c>*</c>.</summary>
    public void AddKey(ApiKeyRecord key, string actor)
    {
        ArgumentNullException.ThrowIfNull(key);
        using var transaction = store.Connection.BeginTransaction();
        var p = new SqlParameters(store.Dialect);
        store.Execute(
            $"INSERT INTO verdict_api_keys (id, role, name, secret_hash, created_at) VALUES ({p.Add(key.Id)}, {p.Add(Name(key.Role))}, {p.Add(key.Name)}, {p.Add(key.Hash)}, {p.Add(Text(key.CreatedAt))})",
            p.Values,
            transaction);
        Audit(transaction, "*", null, key.CreatedAt, actor, "key.create", null, null, $$"""{"id":"{{key.Id}}","role":"{{Name(key.Role)}}"}""");
        transaction.Commit();
    }

    /// <summary>Revokes a key; false when there is no such key or it was already revoked.</summary>
    public bool RevokeKey(string id, DateTimeOffset at, string actor, string? reason)
    {
        using var transaction = store.Connection.BeginTransaction();
        var p = new SqlParameters(store.Dialect);
        var rows = store.Execute($"UPDATE verdict_api_keys SET revoked_at = {p.Add(Text(at))} WHERE id = {p.Add(id)} AND revoked_at IS NULL", p.Values, transaction);
        if (rows == 0)
        {
            transaction.Rollback();
            return false;
        }

        Audit(transaction, "*", null, at, actor, "key.revoke", reason, null, $$"""{"id":"{{id}}"}""");
        transaction.Commit();
        return true;
    }

    /// <summary>Every experiment version, in key and version order.</summary>
    public IReadOnlyList<ExperimentRecord> Experiments()
    {
        var records = new List<ExperimentRecord>();
        using var reader = store.Query("SELECT experiment, version, status, exposure, lock_hash, brief_yaml, files_json, created_at, updated_at, stage FROM verdict_experiments ORDER BY experiment, version", []);
        while (reader.Read())
        {
            records.Add(new ExperimentRecord(
                reader.GetString(0),
                Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture),
                Enum.Parse<ExperimentStatus>(reader.GetString(2), ignoreCase: true),
                reader.GetDouble(3),
                reader.GetString(4),
                reader.GetString(5),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(6)) ?? [],
                Time(reader.GetString(7)),
                Time(reader.GetString(8)))
            {
                Stage = reader.IsDBNull(9) ? null : reader.GetString(9),
            });
        }

        return records;
    }

    /// <summary>Writes <paramref name="after"/> (insert or replace by key and version) and its audit line in one transaction.</summary>
    public void Save(ExperimentRecord? before, ExperimentRecord after, string actor, string action, string? reason)
    {
        ArgumentNullException.ThrowIfNull(after);
        using var transaction = store.Connection.BeginTransaction();
        var p = new SqlParameters(store.Dialect);
        store.Execute($"DELETE FROM verdict_experiments WHERE experiment = {p.Add(after.Key)} AND version = {p.Add(after.Version)}", p.Values, transaction);
        p = new SqlParameters(store.Dialect);
        store.Execute(
            $"INSERT INTO verdict_experiments (experiment, version, status, exposure, lock_hash, brief_yaml, files_json, created_at, updated_at, stage) VALUES ({p.Add(after.Key)}, {p.Add(after.Version)}, {p.Add(Name(after.Status))}, {p.Add(after.Exposure)}, {p.Add(after.LockHash)}, {p.Add(after.BriefYaml)}, {p.Add(JsonSerializer.Serialize(after.Files))}, {p.Add(Text(after.CreatedAt))}, {p.Add(Text(after.UpdatedAt))}, {p.Add(after.Stage)})",
            p.Values,
            transaction);
        Audit(transaction, after.Key, after.Version, after.UpdatedAt, actor, action, reason, before is null ? null : State(before), State(after));
        transaction.Commit();
    }

    /// <summary>Appends an audit line that changes no state (a monitor's breach, alert or spend review), with its evidence as JSON in <c>after</c>.</summary>
    public void Note(string experiment, int? version, DateTimeOffset at, string actor, string action, string? reason, string? evidence)
    {
        using var transaction = store.Connection.BeginTransaction();
        Audit(transaction, experiment, version, at, actor, action, reason, null, evidence);
        transaction.Commit();
    }

    /// <summary>How many lines the audit log holds.</summary>
    public long AuditLength()
    {
        using var reader = store.Query("SELECT COUNT(*) FROM verdict_audit", []);
        reader.Read();
        return Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
    }

    /// <summary>The audit log of one experiment key (every version), oldest first.</summary>
    public IReadOnlyList<AuditEntry> Audit(string experiment)
    {
        var p = new SqlParameters(store.Dialect);
        var entries = new List<AuditEntry>();
        using var reader = store.Query($"SELECT seq, experiment, version, at_time, actor, action, reason, before_json, after_json FROM verdict_audit WHERE experiment = {p.Add(experiment)} ORDER BY seq", p.Values);
        while (reader.Read())
        {
            entries.Add(new AuditEntry(
                Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : Convert.ToInt32(reader.GetValue(2), CultureInfo.InvariantCulture),
                Time(reader.GetString(3)),
                reader.GetString(4),
                reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6),
                reader.IsDBNull(7) ? null : reader.GetString(7),
                reader.IsDBNull(8) ? null : reader.GetString(8)));
        }

        return entries;
    }

    /// <summary>The state an audit line records: status, exposure and lock hash (the brief itself never changes within a version).</summary>
    private static string State(ExperimentRecord record)
    {
        var state = new Dictionary<string, object>
        {
            ["version"] = record.Version,
            ["status"] = Name(record.Status),
            ["exposure"] = record.Exposure,
            ["lock_hash"] = record.LockHash,
        };
        if (record.Stage is not null)
        {
            state["stage"] = record.Stage;
        }

        return JsonSerializer.Serialize(state);
    }

    private void Audit(DbTransaction transaction, string experiment, int? version, DateTimeOffset at, string actor, string action, string? reason, string? before, string? after)
    {
        var p = new SqlParameters(store.Dialect);
        store.Execute(
            $"INSERT INTO verdict_audit (seq, experiment, version, at_time, actor, action, reason, before_json, after_json) SELECT COALESCE(MAX(seq), 0) + 1, {p.Add(experiment)}, {p.Add(version)}, {p.Add(Text(at))}, {p.Add(actor)}, {p.Add(action)}, {p.Add(reason)}, {p.Add(before)}, {p.Add(after)} FROM verdict_audit",
            p.Values,
            transaction);
    }

    /// <summary>Closes the store's connection.</summary>
    public void Dispose() => store.Dispose();

    internal static string Name<T>(T value) where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static string Text(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Time(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
