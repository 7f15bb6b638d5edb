using Microsoft.Extensions.AI;

namespace Verdict.Arena.Providers;

/// <summary>One call to make: the messages and options sent, and a tag naming it for replay files.</summary>
/// <param name="Tag">Replay key: <c>VARIANT/CASE</c>, <c>rubric/VARIANT/CASE</c> or <c>pairwise/FIRST/SECOND/CASE</c>.</param>
/// <param name="Messages">Messages sent.</param>
/// <param name="Options">Options sent.</param>
internal sealed record CallRequest(string Tag, IReadOnlyList<ChatMessage> Messages, ChatOptions Options);
