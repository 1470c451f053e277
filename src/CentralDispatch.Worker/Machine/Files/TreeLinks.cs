namespace CentralDispatch.Worker.Machine.Files;

/// <summary>
/// Where the links of a scanned tree lead, worked out from the scan alone (no file is looked at again): a link is kept
/// only when it is relative and, resolved the way the kernel does, stays inside the tree. A purely textual check would
/// let "d/up/../x" escape when d/up links to "..": a '..' after a link to a folder climbs from where that link points.
/// </summary>
public static class TreeLinks
{
    private const int MaxLinkDepth = 40;

    /// <summary>The link's target relative to the tree's root, or null when it leaves the tree (or loops).</summary>
    /// <param name="linkPath">The link's path relative to the root, '/'-separated.</param>
    /// <param name="target">What the link holds.</param>
    /// <param name="links">Every link of the tree by relative path, with its target.</param>
    public static string? Resolve(string linkPath, string target, IReadOnlyDictionary<string, string> links)
    {
        ArgumentNullException.ThrowIfNull(linkPath);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(links);
        var folder = linkPath.Split('/', StringSplitOptions.RemoveEmptyEntries).SkipLast(1).ToList();
        return Resolve(folder, target, links, 0) is { } parts ? string.Join('/', parts) : null;
    }

    /// <summary>True when <paramref name="target"/>, held by the link at <paramref name="linkPath"/>, stays inside the tree.</summary>
    public static bool StaysInside(string linkPath, string target, IReadOnlyDictionary<string, string> links) =>
        Resolve(linkPath, target, links) is not null;

    private static List<string>? Resolve(List<string> folder, string target, IReadOnlyDictionary<string, string> links, int depth)
    {
        if (depth > MaxLinkDepth || target.StartsWith('/') || target.Length == 0)
        {
            return null;
        }

        var current = new List<string>(folder);
        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                if (current.Count == 0)
                {
                    return null;
                }

                current.RemoveAt(current.Count - 1);
                continue;
            }

            current.Add(part);
            if (links.TryGetValue(string.Join('/', current), out var inner))
            {
                current.RemoveAt(current.Count - 1);
                if (Resolve(current, inner, links, depth + 1) is not { } resolved)
                {
                    return null;
                }

                current = resolved;
            }
        }

        return current;
    }
}
