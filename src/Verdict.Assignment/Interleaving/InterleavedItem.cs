namespace Verdict.Assignment.Interleaving;

/// <summary>One position of an interleaved list: the item id and the team (ranker) that contributed it.</summary>
public readonly record struct InterleavedItem(string Item, InterleavingTeam Team);
