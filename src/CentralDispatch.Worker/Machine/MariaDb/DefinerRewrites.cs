namespace CentralDispatch.Worker.Machine.MariaDb;

/// <summary>What <see cref="DumpDefiners"/> changed in a dump: how many DEFINER clauses, and which definers they named before.</summary>
public sealed record DefinerRewrites(int Count, IReadOnlyList<string> Originals)
{
    public static readonly DefinerRewrites None = new(0, []);

    /// <summary>For a step summary, e.g. "3 DEFINER clauses set to `cd_shop`@`localhost` (they named `cd_old`@`localhost`)".</summary>
    public string Describe(string definer) =>
        Count == 0
            ? "no DEFINER clause to rewrite"
            : $"{Count} DEFINER clause{(Count == 1 ? "" : "s")} set to {definer} (they named {string.Join(", ", Originals)})";
}
