namespace SupportBot;

/// <summary>The bot's answer.</summary>
public sealed record ChatReply(string ConversationId, string Reply);
