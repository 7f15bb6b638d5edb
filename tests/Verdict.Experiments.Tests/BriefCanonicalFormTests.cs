using Verdict.Experiments.Locking;
using Verdict.Experiments.Validation;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

public sealed class BriefCanonicalFormTests
{
    private static string HashOf(BriefLoadResult result)
    {
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return BriefCanonicalForm.Hash(result.Brief!);
    }

    [Fact]
    public void Hash_EquivalentSpellings_AreEqual()
    {
        var original = HashOf(Example.Load());
        var respelled = Example.BriefText
            .Replace("budget: 150ms", "budget: 0.15s", StringComparison.Ordinal)
            .Replace("mde: 2.0pp", "mde: 0.02", StringComparison.Ordinal)
            .Replace("key: refund-query-rewrite\nversion: 1\n", "version: 1  # reordered\nkey: refund-query-rewrite\n", StringComparison.Ordinal);
        Assert.Equal(original, HashOf(Example.Parse(respelled)));
    }

    [Theory]
    [InlineData("budget: 150ms", "budget: 200ms")]
    [InlineData("baseline: 0.38", "baseline: 0.4")]
    [InlineData("query_rewrite: query-rewrite-v1", "query_rewrite: query-rewrite-v2")]
    [InlineData("within: 10m", "within: 15m")]
    public void Hash_AnyPlannedChange_Differs(string from, string to)
    {
        var text = Example.BriefText.Contains(from, StringComparison.Ordinal) ? Example.BriefText.Replace(from, to, StringComparison.Ordinal) : Example.BriefText;
        var metrics = Example.MetricsText.Replace(from, to, StringComparison.Ordinal);
        Assert.NotEqual(HashOf(Example.Load()), HashOf(Example.Parse(text, metrics: metrics)));
    }

    [Fact]
    public void Hash_ExposureStageAndForcedArms_AreNotHashed()
    {
        var ramped = Example.BriefText.Replace("  exposure: 1.0\n  stage: ab", "  exposure: 0.05\n  stage: canary\n  forced:\n    qa-customer-1: treatment", StringComparison.Ordinal);
        Assert.Equal(HashOf(Example.Load()), HashOf(Example.Parse(ramped)));
    }

    [Fact]
    public void Json_Example_SortsKeysAndWritesUnitsExplicitly()
    {
        var json = BriefCanonicalForm.Json(Example.Brief());
        Assert.StartsWith("{\"analysis\":{\"alpha\":0.05,", json, StringComparison.Ordinal);
        Assert.Contains("\"budget\":{\"unit\":\"milliseconds\",\"value\":150}", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"exposure\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_Lifecycle_MovesThroughStatuses()
    {
        var v1 = Example.Brief();
        var locked = BriefCanonicalForm.Lock(v1);
        Assert.Equal(LockStatus.Missing, BriefCanonicalForm.Compare(v1, null));
        Assert.Equal(LockStatus.Matches, BriefCanonicalForm.Compare(v1, locked));
        var edited = v1 with { Hypothesis = v1.Hypothesis + " Also faster." };
        Assert.Equal(LockStatus.ChangedInPlace, BriefCanonicalForm.Compare(edited, locked));
        Assert.Equal(LockStatus.NewVersion, BriefCanonicalForm.Compare(edited with { Version = 2 }, locked));
        Assert.Equal(LockStatus.Mismatched, BriefCanonicalForm.Compare(v1 with { Key = "other" }, locked));
    }

    [Fact]
    public void Salt_NewVersion_ReRandomizesUnlessKept()
    {
        var v1 = Example.Brief();
        var v2 = v1 with { Version = 2 };
        Assert.Equal("refund-query-rewrite:v2", v2.Salt);
        Assert.Equal("refund-query-rewrite:v1", (v2 with { Traffic = v2.Traffic with { Salt = v1.Salt } }).Salt);
    }

    [Fact]
    public void LockFile_WriteThenRead_RoundTrips()
    {
        var path = Path.Combine(Path.GetTempPath(), $"verdict-{Guid.NewGuid():N}.lock.json");
        try
        {
            var written = BriefCanonicalForm.Lock(Example.Brief());
            BriefLockFile.Write(path, written);
            Assert.Equal(written, BriefLockFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void PathFor_BriefYaml_IsLockJsonBesideIt()
    {
        Assert.Equal(Path.Combine("x", "brief.lock.json"), BriefLockFile.PathFor(Path.Combine("x", "brief.yaml")));
    }
}
