namespace Verdict.Storage;

/// <summary>The store cannot be opened or reached (exit code 3 on the command line).</summary>
public sealed class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
