using System.Text.RegularExpressions;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Reads the ServerName/ServerAlias lines of the sites the web server serves now.</summary>
public static partial class EnabledSites
{
    [GeneratedRegex(@"^\s*Server(Name|Alias)\s+(.+)$", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex ServerLine();

    public static IEnumerable<(string File, IReadOnlySet<string> Hosts)> ServerNames(WebServerOptions web)
    {
        ArgumentNullException.ThrowIfNull(web);
        var folder = web.Flavor == WebServerFlavor.Debian ? web.SitesEnabled : web.ConfD;
        if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
        {
            yield break;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.conf"))
        {
            string text;
            try
            {
                text = File.ReadAllText(file);
            }
            catch (IOException)
            {
                continue; // A dangling link or a file being replaced: nothing it serves now.
            }

            var hosts = ServerLine().Matches(text)
                .SelectMany(m => m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(h => h.Split(':')[0].ToLowerInvariant())
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            yield return (file, hosts);
        }
    }
}
