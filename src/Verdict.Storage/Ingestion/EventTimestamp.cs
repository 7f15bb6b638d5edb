using System.Globalization;
using System.Text.RegularExpressions;

namespace Verdict.Storage.Ingestion;

/// <summary>
/// The timestamp forms an event file may use (docs/events.md) and nothing else: ISO-8601 date and time with an explicit
/// offset or <c>Z</c> (<c>2026-05-04T10:15:00Z</c>, <c>2026-05-04T12:15:00.5+02:00</c>), or whole epoch milliseconds as a
/// number or a string of digits (as every CSV file carries it). A time without a date, a date in a local format, or a
/// time without an offset is refused rather than guessed.
/// </summary>
internal static partial class EventTimestamp
{
    private static readonly long MinMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly long MaxMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>The time <paramref name="text"/> names, or null when it is not one of the accepted forms.</summary>
    public static DateTimeOffset? Parse(string text)
    {
        if (EpochDigits().IsMatch(text))
        {
            return long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var ms) ? FromEpochMilliseconds(ms) : null;
        }

        return IsoWithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : null;
    }

    /// <summary>The time <paramref name="milliseconds"/> after the Unix epoch, or null outside the representable range.</summary>
    public static DateTimeOffset? FromEpochMilliseconds(long milliseconds) =>
        milliseconds >= MinMilliseconds && milliseconds <= MaxMilliseconds ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds) : null;

    [GeneratedRegex(@"^-?[0-9]{1,18}$", RegexOptions.CultureInvariant)]
    private static partial Regex EpochDigits();

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoWithOffset();
}
