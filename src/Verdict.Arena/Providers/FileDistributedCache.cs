using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Distributed;

namespace Verdict.Arena.Providers;

/// <summary>
/// An <see cref="IDistributedCache"/> kept as files in a directory, so the arena's cache survives the process and a
/// re-run reads it: one file per entry, named by the SHA-256 of its key (<c>ab/abcd….entry</c>), written to a temporary
/// file and moved into place so a concurrent run never reads half an entry. Entries do not expire (expiration options
/// are ignored): an entry is a recorded reply, valid as long as its request is the same.
/// </summary>
public sealed class FileDistributedCache : IDistributedCache
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> createdDirectories = new(StringComparer.Ordinal);

    /// <summary>Creates a cache in <paramref name="directory"/> (created on first write).</summary>
    public FileDistributedCache(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>Where the entries live.</summary>
    public string Directory { get; }

    /// <inheritdoc/>
    public byte[]? Get(string key)
    {
        var path = PathOf(key);
        try
        {
            return File.Exists(path) ? File.ReadAllBytes(path) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <inheritdoc/>
    /// <remarks>Reads synchronously: entries are small files, for which a synchronous read is faster than an asynchronous one.</remarks>
    public Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        return Task.FromResult(Get(key));
    }

    /// <inheritdoc/>
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
    {
        ArgumentNullException.ThrowIfNull(value);
        var (path, temporary) = Prepare(key);
        File.WriteAllBytes(temporary, value);
        File.Move(temporary, path, overwrite: true);
    }

    /// <inheritdoc/>
    public Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options, CancellationToken token = default)
    {
        token.ThrowIfCancellationRequested();
        Set(key, value, options);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public void Refresh(string key)
    {
    }

    /// <inheritdoc/>
    public Task RefreshAsync(string key, CancellationToken token = default) => Task.CompletedTask;

    /// <inheritdoc/>
    public void Remove(string key) => File.Delete(PathOf(key));

    /// <inheritdoc/>
    public Task RemoveAsync(string key, CancellationToken token = default)
    {
        Remove(key);
        return Task.CompletedTask;
    }

    /// <summary>The file that holds <paramref name="key"/>'s entry.</summary>
    public string PathOf(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var name = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return Path.Combine(Directory, name[..2], name + ".entry");
    }

    private (string Path, string Temporary) Prepare(string key)
    {
        var path = PathOf(key);
        var directory = Path.GetDirectoryName(path)!;
        // Record the directory only after it exists: a concurrent Set that finds it recorded may write at once.
        if (!createdDirectories.ContainsKey(directory))
        {
            System.IO.Directory.CreateDirectory(directory);
            createdDirectories.TryAdd(directory, true);
        }

        return (path, $"{path}.{Guid.NewGuid():N}.tmp");
    }
}
