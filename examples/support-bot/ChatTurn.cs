namespace SupportBot;

/// <summary>One customer turn.</summary>
public sealed record ChatTurn(string? ConversationId, string? Message);
