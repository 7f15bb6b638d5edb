using Verdict.Server.Auth;

namespace Verdict.Server.Tests;

/// <summary>The API-key filter's memory of verified keys never lets through a text or a record it did not verify.</summary>
public sealed class VerifiedKeysTests
{
    private static ApiKeyRecord Record(string hash) => new("0123456789ab", ApiKeyRole.Sdk, "bench", hash, DateTimeOffset.UnixEpoch, null);

    [Fact]
    public void Matches_SameKeyAgain_IsTrue_AnotherSecretWithTheSameId_IsFalse()
    {
        var (id, text, hash) = ApiKeyText.Create();
        var record = Record(hash);
        var keys = new VerifiedKeys();

        Assert.True(keys.Matches(id, text, record));
        Assert.True(keys.Matches(id, text, record));
        Assert.False(keys.Matches(id, text[..^1] + (text[^1] == 'A' ? 'B' : 'A'), record));
        Assert.False(keys.Matches(id, text + "x", record));
        Assert.True(keys.Matches(id, text, record));
    }

    [Fact]
    public void Matches_RecordReplaced_VerifiesAgainstTheNewRecord()
    {
        var (id, text, hash) = ApiKeyText.Create();
        var keys = new VerifiedKeys();
        Assert.True(keys.Matches(id, text, Record(hash)));

        // The registry replaces records on any key change; a remembered text counts only for the record it matched.
        Assert.False(keys.Matches(id, text, Record(ApiKeyText.Hash("another key"))));
        Assert.True(keys.Matches(id, text, Record(hash)));
    }
}
