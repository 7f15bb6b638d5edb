using Verdict.Experiments.Briefs;
using Verdict.Experiments.Locking;
using Verdict.Experiments.Yaml;
using Verdict.Testing;

namespace Verdict.Experiments.Tests;

/// <summary>
/// Locks written by earlier builds keep verifying: the committed example lock (written by the first build) and a lock
/// written by a build that put two derived fields into v1 (Fixtures/Locks/legacy-v1, produced by commit 2a7ee51's
/// <c>verdict plan</c>). The canonical JSON of the example is pinned beside its lock, so a change to the form shows as a diff.
/// </summary>
public sealed class BriefLockVersionTests
{
    private static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", "Locks", .. parts]);

    private static ExperimentBrief LoadValid(string path)
    {
        var result = BriefLoader.LoadFile(path);
        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        return result.Brief!;
    }

    [Fact]
    public void Compare_CommittedExampleLock_Matches()
    {
        var brief = Example.Brief();
        var committed = BriefLockFile.Read(Path.Combine(Example.Directory, "brief.lock.json"))!;
        Assert.Equal("2256d55f22ac7f1248f312604a20b7997e86e7b014d4d9e3ef6ff7ec1a5f0097", committed.Hash);
        Assert.Equal(LockStatus.Matches, BriefCanonicalForm.Compare(brief, committed));
        Assert.Equal(committed.Hash, BriefCanonicalForm.Hash(brief));
    }

    [Fact]
    public void Json_Example_EqualsPinnedCanonicalForm()
    {
        var pinned = File.ReadAllText(Fixture("example.canonical.json")).Trim();
        Assert.Equal(pinned, BriefCanonicalForm.Json(Example.Brief()));
    }

    [Fact]
    public void Json_ComputedProperties_AreNotHashed()
    {
        var json = BriefCanonicalForm.Json(Example.Brief());
        Assert.DoesNotContain("primary_alpha", json, StringComparison.Ordinal);
        Assert.DoesNotContain("treatment_count", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_LockWithDerivedFieldsFromAnEarlierBuild_StillMatches()
    {
        var path = Fixture("legacy-v1", "brief.yaml");
        var brief = LoadValid(path);
        var legacy = BriefLockFile.Read(BriefLockFile.PathFor(path))!;
        Assert.Equal(LockStatus.Matches, BriefCanonicalForm.Compare(brief, legacy));
        Assert.NotEqual(legacy.Hash, BriefCanonicalForm.Hash(brief));
        var edited = brief with { Analysis = brief.Analysis with { Alpha = 0.1 } };
        Assert.Equal(LockStatus.ChangedInPlace, BriefCanonicalForm.Compare(edited, legacy));
    }

    [Fact]
    public void Compare_UnknownAlgorithm_ThrowsNamingIt()
    {
        var brief = Example.Brief();
        var future = BriefCanonicalForm.Lock(brief) with { Algorithm = "sha256/canonical-json/v9" };
        var error = Assert.Throws<InvalidDataException>(() => BriefCanonicalForm.Compare(brief, future));
        Assert.Contains("v9", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Differences_LockRecordsItsPlan_NamesTheChangedField()
    {
        var brief = Example.Brief();
        var locked = BriefCanonicalForm.Lock(brief);
        Assert.Empty(BriefCanonicalForm.Differences(brief, locked));
        var lowered = Example.Edited("minimum_ship_lift: 2.0pp", "minimum_ship_lift: 0.1pp").Brief!;
        var difference = Assert.Single(BriefCanonicalForm.Differences(lowered, locked));
        Assert.Equal("analysis.minimum_ship_lift.value: 0.02 → 0.001", difference);
    }

    [Fact]
    public void Lock_RecordsItsPlanAndAnOldLockReadsWithoutOne()
    {
        Assert.Equal(BriefCanonicalForm.Json(Example.Brief()), BriefCanonicalForm.Lock(Example.Brief()).Plan!.ToJsonString());
        Assert.Null(BriefLockFile.Read(Path.Combine(Example.Directory, "brief.lock.json"))!.Plan);
    }
}
