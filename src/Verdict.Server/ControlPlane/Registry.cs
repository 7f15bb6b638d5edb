using System.Collections.Frozen;
using Verdict.Assignment;
using Verdict.Assignment.Bandits;
using Verdict.Client.Wire;
using Verdict.Experiments.Analysis.Bandits;
using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Validation;
using Verdict.Experiments.Yaml;
using Verdict.Server.Auth;
using Verdict.Server.Config;

namespace Verdict.Server.ControlPlane;

/// <summary>
/// The server's control plane in memory: keys, experiment versions, their parsed briefs, the config snapshot and one
/// assigner per served experiment. Every change goes through one lock to the store (with its audit line) and then
/// replaces the immutable snapshots that requests read without locking.
/// </summary>
public sealed class Registry
{
    private readonly object gate = new();
    private readonly ControlPlaneStore store;
    private readonly TimeProvider time;
    private readonly Dictionary<(string Key, int Version), ExperimentBrief> briefs = [];
    private FrozenDictionary<(string Key, int Version), ExperimentBrief> briefSnapshot = FrozenDictionary<(string Key, int Version), ExperimentBrief>.Empty;
    private List<ExperimentRecord> records;

    /// <summary>Loads keys and experiments from <paramref name="store"/>.</summary>
    public Registry(ControlPlaneStore store, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        this.store = store;
        this.time = time;
        records = [.. store.Experiments()];
        foreach (var record in records)
        {
            briefs[(record.Key, record.Version)] = Parse(record.BriefYaml, record.Files).Brief!;
        }

        KeysById = store.Keys().ToFrozenDictionary(k => k.Id, StringComparer.Ordinal);
        Rebuild();
    }

    /// <summary>The current config and its ETag.</summary>
    public ConfigSnapshot Config { get; private set; } = null!;

    /// <summary>Keys by id, replaced on every key change.</summary>
    public FrozenDictionary<string, ApiKeyRecord> KeysById { get; private set; }

    /// <summary>The served experiments by key, with their assigners.</summary>
    public FrozenDictionary<string, ServedExperiment> Served { get; private set; } = FrozenDictionary<string, ServedExperiment>.Empty;

    /// <summary>Every version of every experiment.</summary>
    public IReadOnlyList<ExperimentRecord> Records
    {
        get
        {
            lock (gate)
            {
                return [.. records];
            }
        }
    }

    /// <summary>The parsed brief of a version, or null.</summary>
    public ExperimentBrief? Brief(string key, int version)
    {
        // Read without the lock: ingestion asks once per exposure row, and the lock is held across control-plane writes.
        return Volatile.Read(ref briefSnapshot).GetValueOrDefault((key, version));
    }

    /// <summary>Parses a brief exactly as <c>verdict plan</c> does; <paramref name="files"/> holds the files it names.</summary>
    public static BriefLoadResult Parse(string yaml, IReadOnlyDictionary<string, string> files) =>
        BriefLoader.Parse(yaml, "brief.yaml", name => files.GetValueOrDefault(name));

    /// <summary>Creates a draft from a brief (or replaces a draft of the same version).</summary>
    public ExperimentRecord Create(string yaml, IReadOnlyDictionary<string, string> files, string actor, string? reason)
    {
        var loaded = Parse(yaml, files);
        if (!loaded.IsValid)
        {
            var errors = loaded.Errors.Select(e => e.ToString()).ToArray();
            throw new ControlPlaneException(422, "The brief does not validate", $"the brief has {errors.Length} problem(s): {string.Join("; ", errors)}", errors);
        }

        var brief = loaded.Brief!;
        lock (gate)
        {
            var existing = records.FirstOrDefault(r => r.Key == brief.Key && r.Version == brief.Version);
            if (existing is not null && existing.Status != ExperimentStatus.Draft)
            {
                throw new ControlPlaneException(409, "A started version is immutable", $"{brief.Key} v{brief.Version} is {ControlPlaneStore.Name(existing.Status)}; a change to the brief is a new version (bump `version`)");
            }

            var now = time.GetUtcNow();
            var record = new ExperimentRecord(brief.Key, brief.Version, ExperimentStatus.Draft, brief.Traffic.Exposure, BriefCanonicalForm.Hash(brief), yaml, new Dictionary<string, string>(files), existing?.CreatedAt ?? now, now);
            store.Save(existing, record, actor, existing is null ? "create" : "replace_draft", reason);
            records = [.. records.Where(r => r != existing), record];
            briefs[(brief.Key, brief.Version)] = brief;
            Rebuild();
            return record;
        }
    }

    /// <summary>
    /// Applies a lifecycle change to <paramref name="key"/> (its latest version unless <paramref name="version"/> is given);
    /// <paramref name="action"/> names the audit line when it is not the change's own name (the monitor's <c>rollback</c> is a stop).
    /// </summary>
    public ExperimentRecord Change(string key, int? version, ExperimentChange change, double? exposure, string actor, string? reason, string? action = null)
    {
        lock (gate)
        {
            var current = Find(key, version, change);
            if (change == ExperimentChange.Start && records.FirstOrDefault(r => r.Key == key && r.Version != current.Version && r.Status is ExperimentStatus.Running or ExperimentStatus.Paused) is { } live)
            {
                throw new ControlPlaneException(409, "Another version is live", $"{key} v{live.Version} is {ControlPlaneStore.Name(live.Status)}; stop it before starting v{current.Version}");
            }

            var next = Lifecycle.Apply(current, change, exposure, time.GetUtcNow());
            store.Save(current, next, actor, action ?? change.ToString().ToLowerInvariant(), reason);
            records = [.. records.Select(r => r == current ? next : r)];
            Rebuild();
            return next;
        }
    }

    /// <summary>
    /// Applies <paramref name="transition"/> to version <paramref name="version"/> of <paramref name="key"/> under the
    /// control-plane lock and stores the result with its audit line <paramref name="action"/> (the ladder's advance);
    /// the transition sees the current record and throws <see cref="ControlPlaneException"/> to refuse.
    /// </summary>
    public ExperimentRecord Transition(string key, int version, Func<ExperimentRecord, ExperimentRecord> transition, string actor, string action, string? reason)
    {
        ArgumentNullException.ThrowIfNull(transition);
        lock (gate)
        {
            var current = Find(key, version, ExperimentChange.Ramp);
            var next = transition(current);
            store.Save(current, next, actor, action, reason);
            records = [.. records.Select(r => r == current ? next : r)];
            Rebuild();
            return next;
        }
    }

    /// <summary>Appends an audit line that changes no state; <paramref name="evidence"/> (JSON) is stored as its <c>after</c>.</summary>
    public void Note(string key, int version, string actor, string action, string? reason, string? evidence)
    {
        lock (gate)
        {
            store.Note(key, version, time.GetUtcNow(), actor, action, reason, evidence);
        }
    }

    /// <summary>
    /// Records the next period of a served bandit (<paramref name="next"/>, one period after <paramref name="current"/>)
    /// as a <c>bandit_period</c> audit line and serves it; false when another update recorded a period first.
    /// </summary>
    public bool RecordBanditPeriod(BanditState current, BanditState next, string actor, string reason, string evidence)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(next);
        lock (gate)
        {
            if (!Served.TryGetValue(current.Experiment, out var served) || served.Bandit is not { } live || live.Version != current.Version
                || live.Periods.Count != current.Periods.Count || next.Periods.Count != current.Periods.Count + 1)
            {
                return false;
            }

            store.Note(current.Experiment, current.Version, time.GetUtcNow(), actor, Bandits.BanditLedger.Action, reason, evidence);
            Rebuild();
            return true;
        }
    }

    /// <summary>The audit log of one experiment key.</summary>
    public IReadOnlyList<AuditEntry> Audit(string key)
    {
        lock (gate)
        {
            return store.Audit(key);
        }
    }

    /// <summary>Creates a key and returns its text (shown once).</summary>
    public (ApiKeyRecord Record, string Text) CreateKey(ApiKeyRole role, string name, string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var (id, text, hash) = ApiKeyText.Create();
        var record = new ApiKeyRecord(id, role, name, hash, time.GetUtcNow(), null);
        lock (gate)
        {
            store.AddKey(record, actor);
            KeysById = store.Keys().ToFrozenDictionary(k => k.Id, StringComparer.Ordinal);
        }

        return (record, text);
    }

    /// <summary>Revokes a key; false when unknown or already revoked.</summary>
    public bool RevokeKey(string id, string actor, string? reason)
    {
        lock (gate)
        {
            var revoked = store.RevokeKey(id, time.GetUtcNow(), actor, reason);
            KeysById = store.Keys().ToFrozenDictionary(k => k.Id, StringComparer.Ordinal);
            return revoked;
        }
    }

    private ExperimentRecord Find(string key, int? version, ExperimentChange change)
    {
        var versions = records.Where(r => r.Key == key).ToList();
        if (versions.Count == 0)
        {
            throw new ControlPlaneException(404, "Unknown experiment", $"no experiment \"{key}\" has been created");
        }

        if (version is { } v)
        {
            return versions.FirstOrDefault(r => r.Version == v)
                ?? throw new ControlPlaneException(404, "Unknown version", $"{key} has no version {v} (it has {string.Join(", ", versions.Select(r => "v" + r.Version))})");
        }

        // Start acts on the newest draft; every other change on the live version, else the newest.
        return (change == ExperimentChange.Start ? versions.LastOrDefault(r => r.Status == ExperimentStatus.Draft) : null)
            ?? versions.LastOrDefault(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused)
            ?? versions[^1];
    }

    private void Rebuild()
    {
        // The revision is the length of the append-only audit log: the same state gives the same revision and ETag after a restart.
        var revision = store.AuditLength();
        var served = new Dictionary<string, ServedExperiment>(StringComparer.Ordinal);
        foreach (var group in records.Where(r => r.Status != ExperimentStatus.Draft).GroupBy(r => r.Key))
        {
            var record = group.FirstOrDefault(r => r.Status is ExperimentStatus.Running or ExperimentStatus.Paused) ?? group.MaxBy(r => r.Version)!;
            var brief = briefs[(record.Key, record.Version)];
            var bandit = brief.Bandit is null ? null : Bandits.BanditLedger.State(record, brief, store.Audit(record.Key));
            var config = ConfigBuilder.For(record, brief, bandit);
            served[record.Key] = new ServedExperiment(config, new ExperimentAssigner(config.ToAssignmentSpec())) { Bandit = bandit, BanditSchedule = bandit?.ToSchedule() };
        }

        Served = served.ToFrozenDictionary(StringComparer.Ordinal);
        Volatile.Write(ref briefSnapshot, briefs.ToFrozenDictionary());
        Config = new ConfigSnapshot(new SdkConfig { Revision = revision, Experiments = [.. served.Values.Select(s => s.Config).OrderBy(c => c.Key, StringComparer.Ordinal)] });
    }
}
