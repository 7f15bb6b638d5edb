using Microsoft.Extensions.AI;
using Verdict.Client.Wire;

namespace Verdict.AI;

/// <summary>Applies an arm's receipt to a clone of the caller's <see cref="ChatOptions"/>; what the receipt does not pin stays as the caller set it.</summary>
internal static class ReceiptOptions
{
    public static ChatOptions Apply(ChatOptions? options, ReceiptConfig receipt, IReadOnlyDictionary<string, string> prompts)
    {
        var served = options?.Clone() ?? new ChatOptions();
        if (receipt.Model is { } model)
        {
            served.ModelId = model;
        }

        if (receipt.Prompt is { } prompt)
        {
            served.Instructions = prompts.TryGetValue(prompt, out var text) ? text : prompt;
        }

        if (receipt.Decoder is { } decoder)
        {
            if (decoder.Temperature is { } temperature)
            {
                served.Temperature = (float)temperature;
            }
            else if (decoder.Selection == "greedy")
            {
                served.Temperature = 0;
            }

            if (decoder.TopP is { } topP)
            {
                served.TopP = (float)topP;
            }

            if (decoder.MaxTokens is { } maxTokens)
            {
                served.MaxOutputTokens = maxTokens;
            }
        }

        return served;
    }
}
