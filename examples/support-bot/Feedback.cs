namespace SupportBot;

/// <summary>Whether the customer's problem was solved.</summary>
public sealed record Feedback(string? ConversationId, bool Solved);
