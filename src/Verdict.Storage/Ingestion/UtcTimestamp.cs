namespace Verdict.Storage.Ingestion;

/// <summary>
/// The one timestamp form SDKs send, <c>yyyy-MM-ddTHH:mm:ss[.f…f]Z</c> (1–7 fraction digits), read from UTF-8 without a
/// string or a regular expression; equal to <see cref="EventTimestamp.Parse"/> on every text it accepts, and it declines
/// (false) every other text, which the caller then gives to <see cref="EventTimestamp.Parse"/>.
/// </summary>
internal static class UtcTimestamp
{
    public static bool TryParse(ReadOnlySpan<byte> text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text.Length < 20 || text.Length == 21 || text.Length > 28 || text[^1] != 'Z' || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' || text[16] != ':')
        {
            return false;
        }

        if (!Digits(text[..4], out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second))
        {
            return false;
        }

        var ticks = 0;
        if (text.Length > 20)
        {
            // ".f…fZ": 1 to 7 digits of a second.
            if (text[19] != '.' || !Digits(text[20..^1], out ticks))
            {
                return false;
            }

            for (var i = text.Length - 21; i < 7; i++)
            {
                ticks *= 10;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        timestamp = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero).AddTicks(ticks);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var c in text)
        {
            if (c is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return !text.IsEmpty;
    }
}
