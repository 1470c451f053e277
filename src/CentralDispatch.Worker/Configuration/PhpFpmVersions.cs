using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Configuration;

/// <summary>Which PHP-FPM versions Debian's packages installed here: <c>/usr/sbin/php-fpmX.Y</c>, one per version.</summary>
public static partial class PhpFpmVersions
{
    /// <summary>Debian 12's PHP, assumed when none is installed (the check then says it is missing).</summary>
    public const string Bookworm = "8.2";

    [GeneratedRegex(@"^\d{1,2}\.\d{1,2}\z", RegexOptions.CultureInvariant)]
    public static partial Regex Shape();

    [GeneratedRegex(@"^php-fpm(\d{1,2}\.\d{1,2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex ProgramName();

    /// <summary>The highest installed version, or <see cref="Bookworm"/> when there is none.</summary>
    public static string Installed(string folder = "/usr/sbin")
    {
        var versions = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "php-fpm*").Select(path => ProgramName().Match(Path.GetFileName(path))).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList()
            : [];
        return versions.OrderByDescending(v => System.Version.Parse(v)).FirstOrDefault() ?? Bookworm;
    }
}
