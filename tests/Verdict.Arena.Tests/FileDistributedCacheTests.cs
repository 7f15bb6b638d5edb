using Microsoft.Extensions.Caching.Distributed;
using Verdict.Arena.Providers;
using Xunit;

namespace Verdict.Arena.Tests;

/// <summary>The file-backed distributed cache under M.E.AI's caching middleware: entries outlive the instance, writes leave no partial files.</summary>
public sealed class FileDistributedCacheTests
{
    [Fact]
    public async Task SetAsync_ThenANewInstance_ReadsTheSameBytes()
    {
        using var directory = new ArenaDirectory();
        var token = TestContext.Current.CancellationToken;
        await new FileDistributedCache(directory.Cache).SetAsync("key one", [1, 2, 3], new DistributedCacheEntryOptions(), token);

        var cache = new FileDistributedCache(directory.Cache);

        Assert.Equal([1, 2, 3], await cache.GetAsync("key one", token));
        Assert.Equal([1, 2, 3], cache.Get("key one"));
        Assert.Null(await cache.GetAsync("key two", token));
        Assert.Empty(Directory.GetFiles(directory.Cache, "*.tmp", SearchOption.AllDirectories));
        Assert.Single(Directory.GetFiles(directory.Cache, "*.entry", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task RemoveAsync_Entry_IsGone()
    {
        using var directory = new ArenaDirectory();
        var cache = new FileDistributedCache(directory.Cache);
        var token = TestContext.Current.CancellationToken;
        cache.Set("k", [9], new DistributedCacheEntryOptions());

        await cache.RemoveAsync("k", token);

        Assert.Null(cache.Get("k"));
    }

    [Fact]
    public void PathOf_AnyKey_IsAHashedFileInsideTheDirectory()
    {
        using var directory = new ArenaDirectory();
        var cache = new FileDistributedCache(directory.Cache);

        var path = cache.PathOf("../../etc/passwd");

        Assert.StartsWith(cache.Directory + Path.DirectorySeparatorChar, path, StringComparison.Ordinal);
        Assert.Matches("^[0-9a-f]{64}\\.entry$", Path.GetFileName(path));
    }
}
