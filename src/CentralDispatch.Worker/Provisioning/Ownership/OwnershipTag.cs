using CentralDispatch.Core.Domain;

namespace CentralDispatch.Worker.Provisioning.Ownership;

/// <summary>
/// How a resource shows it was made by this system for one instance (docs/OWNERSHIP.md): the tag
/// <c>centraldispatch:NAME</c> (the cron tag) as the first line of the vhost and certificate files, in the marker file of
/// the instance's releases folder, as the database's schema comment and in the secrets file. A back-out without a
/// journal and a decommission remove only what carries it.
/// </summary>
public static class OwnershipTag
{
    /// <summary>Lines read when looking for the tag line: it is the first line of what we write.</summary>
    private const int MaxHeaderBytes = 4096;

    public static string Of(string instanceName) => DerivedNames.For(instanceName).CronTag;

    /// <summary>The comment line that heads a vhost or PEM file written for the instance.</summary>
    public static string CommentLine(string instanceName) => "# " + Of(instanceName);

    /// <summary>Puts the tag line in front of <paramref name="content"/> (once).</summary>
    public static string Prepend(string instanceName, string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var line = CommentLine(instanceName);
        return FirstLine(content) == line ? content : line + "\n" + content;
    }

    /// <summary>True when the file exists, is a regular file (not a link) and its first line is the instance's tag line.</summary>
    public static bool FileCarriesTag(string path, string instanceName)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.LinkTarget is not null)
        {
            return false;
        }

        using var stream = info.OpenRead();
        var buffer = new byte[MaxHeaderBytes];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        return FirstLine(System.Text.Encoding.UTF8.GetString(buffer, 0, read)) == CommentLine(instanceName);
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOf('\n', StringComparison.Ordinal);
        return (end < 0 ? text : text[..end]).TrimEnd('\r');
    }
}
