using System.Text.RegularExpressions;
using Microsoft.Extensions.AI;

namespace Verdict.AI.Guardrails;

/// <summary>
/// Triggers when the answer contains an email address, a phone number, a US social security number or a payment card
/// number (13–19 digits passing the Luhn check); Replace masks each match as <c>[redacted]</c>.
/// </summary>
public sealed partial class PiiGuardrail(GuardrailAction action = GuardrailAction.Replace, string fallback = "The answer was withheld because it contained personal data.") : IResponseGuardrail
{
    /// <inheritdoc />
    public string Name => "pii";

    /// <inheritdoc />
    public GuardrailTrigger? Check(ChatResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var text = response.Text;
        var kinds = new List<string>();
        var masked = Email().Replace(text, m => Mark(kinds, "email"));
        masked = Ssn().Replace(masked, m => Mark(kinds, "ssn"));
        masked = Card().Replace(masked, m => Luhn(m.Value) ? Mark(kinds, "card") : m.Value);
        masked = Phone().Replace(masked, m => Mark(kinds, "phone"));
        if (kinds.Count == 0)
        {
            return null;
        }

        return new GuardrailTrigger(Name, "found " + string.Join(", ", kinds.Distinct()), action, action == GuardrailAction.Block ? fallback : masked);
    }

    private static string Mark(List<string> kinds, string kind)
    {
        kinds.Add(kind);
        return "[redacted]";
    }

    /// <summary>The Luhn checksum (ISO/IEC 7812-1, annex B) over the digits of <paramref name="text"/>.</summary>
    private static bool Luhn(string text)
    {
        var digits = text.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i];
            sum += i % 2 == 1 ? (d * 2 > 9 ? d * 2 - 9 : d * 2) : d;
        }

        return digits.Length is >= 13 and <= 19 && sum % 10 == 0;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b\d{3}-\d{2}-\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Ssn();

    [GeneratedRegex(@"\b(?:\d[ -]?){12,18}\d\b", RegexOptions.CultureInvariant)]
    private static partial Regex Card();

    [GeneratedRegex(@"(?<![\w+])(?:\+\d{1,3}[ .-]?)?\(?\d{3}\)?[ .-]\d{3}[ .-]\d{4}\b", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
