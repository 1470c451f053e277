namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>The rules for entry names: relative, '/'-separated, no '.', '..' or empty part, so nothing extracts outside its folder.</summary>
internal static class ArchiveEntryNames
{
    public static string Normalize(string name, string archive)
    {
        var trimmed = name.TrimEnd('/');
        if (trimmed.Length == 0 || trimmed.StartsWith('/') || trimmed.Any(char.IsControl) || trimmed.Contains('\\', StringComparison.Ordinal)
            || trimmed.Split('/').Any(part => part is "" or "." or ".."))
        {
            throw new ArchiveInvalidException(archive, $"the entry name '{name}' is not a safe relative path");
        }

        return trimmed;
    }

    /// <summary>The path below "webroot/", or null for an entry outside the webroot.</summary>
    public static string? BelowWebroot(string normalized) =>
        normalized.StartsWith(ArchiveManifest.WebrootFolder + "/", StringComparison.Ordinal) ? normalized[(ArchiveManifest.WebrootFolder.Length + 1)..] : null;

    /// <summary>A link target must be relative and, read as text, stay inside the webroot (the extracted tree is checked again on disk).</summary>
    public static void CheckLink(string entry, string target, string archive)
    {
        if (!LinkStaysInside(entry, target))
        {
            throw new ArchiveInvalidException(archive, $"the link {entry} points to '{target}', outside the webroot");
        }
    }

    /// <summary>The textual check of <see cref="CheckLink"/>: relative, no control character, never above the webroot.</summary>
    public static bool LinkStaysInside(string entry, string target)
    {
        var depth = entry.Split('/').Length - 2; // folders between webroot/ and the link
        foreach (var part in target.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            depth += part switch { ".." => -1, "." => 0, _ => 1 };
            if (depth < 0)
            {
                break;
            }
        }

        return !target.StartsWith('/') && depth >= 0 && !target.Any(char.IsControl) && target.Length > 0;
    }

    /// <summary>A name the reader takes: <see cref="Normalize"/> would refuse control characters, backslashes and empty parts.</summary>
    public static bool IsSafe(string relative) =>
        !relative.Any(char.IsControl) && !relative.Contains('\\', StringComparison.Ordinal);
}
