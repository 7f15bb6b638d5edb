namespace Verdict.Arena.Providers;

/// <summary>What makes a judge's reply usable: a reply <paramref name="Accept"/> rejects is asked again, up to <paramref name="MaxAttempts"/> times in all.</summary>
/// <param name="Accept">True for a reply that parses.</param>
/// <param name="MaxAttempts">Replies asked for at most, the first included.</param>
internal sealed record ReplyCheck(Func<string, bool> Accept, int MaxAttempts);
