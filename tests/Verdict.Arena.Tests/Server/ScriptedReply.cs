namespace Verdict.Arena.Tests.Server;

/// <summary>One scripted answer of the loopback server.</summary>
public sealed record ScriptedReply(string Content, int Status = 200, TimeSpan Delay = default, string? RetryAfter = null, int PromptTokens = 10, int CompletionTokens = 20)
{
    public static ScriptedReply Error(int status, string? retryAfter = null) => new("", status, RetryAfter: retryAfter);
}
