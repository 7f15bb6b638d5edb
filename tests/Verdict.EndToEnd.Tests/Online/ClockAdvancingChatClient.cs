using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace Verdict.EndToEnd.Tests.Online;

/// <summary>
/// Sits between the middleware and the real OpenAI client and moves the shared fake clock as a slow model would: 100 ms
/// to the first token, 250 ms in all. The call itself still goes over HTTP to the loopback model server.
/// </summary>
internal sealed class ClockAdvancingChatClient(IChatClient inner, FakeTimeProvider time) : DelegatingChatClient(inner)
{
    public static readonly TimeSpan FirstToken = TimeSpan.FromMilliseconds(100);

    public static readonly TimeSpan Total = TimeSpan.FromMilliseconds(250);

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        time.Advance(Total);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var first = true;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (first)
            {
                time.Advance(FirstToken);
                first = false;
            }

            yield return update;
        }

        time.Advance(Total - FirstToken);
    }
}
