using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Verdict.Client;

namespace Verdict.AI;

/// <summary><c>chatClientBuilder.UseExperiment("refund-query-rewrite", …)</c>.</summary>
public static class ExperimentChatClientBuilderExtensions
{
    /// <summary>
    /// Adds <see cref="ExperimentChatClient"/> for <paramref name="experiment"/>; the <see cref="VerdictClient"/> comes from
    /// the services (<c>services.AddVerdict(…)</c>). <paramref name="configure"/> adjusts the unit, prices, prompts,
    /// shadow mode and guardrails.
    /// </summary>
    public static ChatClientBuilder UseExperiment(this ChatClientBuilder builder, string experiment, Func<ExperimentChatClientOptions, ExperimentChatClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        var options = new ExperimentChatClientOptions { Experiment = experiment };
        options = configure?.Invoke(options) ?? options;
        return builder.Use((inner, services) => new ExperimentChatClient(inner, services.GetRequiredService<VerdictClient>(), options));
    }
}
