namespace Verdict.Experiments.Tests;

public sealed class BriefCanonicalFormTests
{
    [Fact]
    public void Json_Example_PrintsForInspection()
    {
        var json = BriefCanonicalForm.Json(Example.Brief());
        TestContext.Current.TestOutputHelper?.WriteLine(json);
        Assert.Contains("\"budget\":{\"unit\":\"milliseconds\",\"value\":150}", json, StringComparison.Ordinal);
    }
}
