using System.Text;
using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Provisioning.Suspend;

/// <summary>
/// A suspended site's vhost: the same file with a marked block at the top of each &lt;VirtualHost&gt; that answers every
/// request with 503 and a maintenance page (mod_alias, always loaded), and Retry-After where mod_headers is. Turning it
/// off removes exactly the marked lines, so the vhost is byte for byte what it was.
/// </summary>
public static partial class MaintenanceMode
{
    public const string BeginMarker = "# centraldispatch:maintenance begin";
    public const string EndMarker = "# centraldispatch:maintenance end";

    /// <summary>Text the maintenance page always holds: what a check looks for.</summary>
    public const string PageTitle = "Down for maintenance";

    [GeneratedRegex(@"^\s*<VirtualHost[\s>]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VirtualHostOpening();

    public static bool IsOn(string vhost)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        return vhost.Split('\n').Any(l => l.Trim() == BeginMarker);
    }

    public static string TurnOn(string vhost, string hostname)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        if (IsOn(vhost))
        {
            return vhost;
        }

        var output = new StringBuilder(vhost.Length + 1024);
        foreach (var line in vhost.Split('\n'))
        {
            output.Append(line).Append('\n');
            if (VirtualHostOpening().IsMatch(line))
            {
                output.Append(Block(hostname));
            }
        }

        return output.ToString(0, output.Length - 1); // Split + Append added one newline too many
    }

    public static string TurnOff(string vhost)
    {
        ArgumentNullException.ThrowIfNull(vhost);
        var kept = new List<string>();
        var inside = false;
        foreach (var line in vhost.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed == BeginMarker)
            {
                inside = true;
                continue;
            }

            if (inside)
            {
                inside = trimmed != EndMarker;
                continue;
            }

            kept.Add(line);
        }

        return string.Join('\n', kept);
    }

    private static string Block(string hostname)
    {
        if (hostname.Any(c => c is '"' or '\\' || char.IsControl(c)))
        {
            throw new ArgumentException($"'{hostname}' cannot be written into a vhost.", nameof(hostname));
        }

        return $"""
                    {BeginMarker}
                    Redirect 503 /
                    ErrorDocument 503 "<!doctype html><html><head><title>{PageTitle}</title></head><body><h1>{PageTitle}</h1><p>{hostname} is being worked on and will be back soon.</p></body></html>"
                    <IfModule mod_headers.c>
                        Header always set Retry-After "600"
                    </IfModule>
                    {EndMarker}

                """;
    }
}
