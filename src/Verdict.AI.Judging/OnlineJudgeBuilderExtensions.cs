using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Verdict.Client;

namespace Verdict.AI.Judging;

/// <summary><c>chatClientBuilder.UseOnlineJudge(services => new OnlineJudgeOptions { … })</c>.</summary>
public static class OnlineJudgeBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="OnlineJudgeChatClient"/>; the <see cref="VerdictClient"/> comes from the services
    /// (<c>services.AddVerdict(…)</c>). Options are validated when the pipeline is built.
    /// </summary>
    public static ChatClientBuilder UseOnlineJudge(this ChatClientBuilder builder, Func<IServiceProvider, OnlineJudgeOptions> options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        return builder.Use((inner, services) => new OnlineJudgeChatClient(
            inner,
            services.GetRequiredService<VerdictClient>(),
            options(services),
            services.GetService<ILoggerFactory>()?.CreateLogger<OnlineJudgeChatClient>()));
    }
}
