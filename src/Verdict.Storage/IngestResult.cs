namespace Verdict.Storage;

/// <summary>What one file load did: rows read, and rows new to the store (re-ingested idempotency keys add nothing).</summary>
public sealed record IngestResult(string Path, long ExposuresRead, long EventsRead, long ExposuresAdded, long EventsAdded);
