using System.Globalization;

namespace Verdict.Statistics.Sequential;

/// <summary>
/// Parses the spending names briefs and the command line use: <c>obf</c>, <c>pocock</c>, <c>power:RHO</c>,
/// <c>hsd:GAMMA</c>, and (when allowed) the classic fixed boundaries <c>classic-obf</c>, <c>classic-pocock</c>.
/// </summary>
public static class SpendingSpecification
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, bool allowClassic, out SpendingFunction spending, out ClassicBoundary? classic, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spending = SpendingFunction.ObrienFleming;
        classic = null;
        error = string.Empty;
        var spec = text.Trim().ToLowerInvariant();
        var colon = spec.IndexOf(':', StringComparison.Ordinal);
        var name = colon < 0 ? spec : spec[..colon];
        var hasNumber = colon >= 0 && double.TryParse(spec[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value);
        var parameter = hasNumber ? double.Parse(spec[(colon + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture) : double.NaN;
        switch (name)
        {
            case "obf" when colon < 0:
                return true;
            case "pocock" when colon < 0:
                spending = SpendingFunction.Pocock;
                return true;
            case "power" or "hsd" when !hasNumber:
                error = $"\"{text}\" needs a number after the colon, e.g. power:2 or hsd:-4";
                return false;
            case "power" when parameter <= 0:
                error = $"the power family needs RHO > 0, got \"{text}\"";
                return false;
            case "power":
                spending = SpendingFunction.Power(parameter);
                return true;
            case "hsd":
                spending = SpendingFunction.HwangShihDeCani(parameter);
                return true;
            case "classic-obf" when allowClassic && colon < 0:
                classic = ClassicBoundary.ObrienFleming;
                return true;
            case "classic-pocock" when allowClassic && colon < 0:
                spending = SpendingFunction.Pocock;
                classic = ClassicBoundary.Pocock;
                return true;
            default:
                error = $"expected obf, pocock, power:RHO, hsd:GAMMA{(allowClassic ? ", classic-obf or classic-pocock" : string.Empty)}, got \"{text}\"";
                return false;
        }
    }
}
