namespace Verdict.AI.Tests.Proxies;

/// <summary>
/// One case of tests/reference/proxies/edit_distance.json (a textbook full-matrix Levenshtein in Python): the two texts,
/// their distance over code points and each text's length in code points.
/// </summary>
public sealed record EditDistanceCase(string Answer, string Final, int Distance, int AnswerLength, int FinalLength);
