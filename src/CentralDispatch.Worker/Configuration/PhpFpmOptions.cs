using System.Text.Json.Serialization;

namespace CentralDispatch.Worker.Configuration;

/// <summary>
/// PHP-FPM: which PHP, where the instances' pool files and sockets go, how the configuration is tested and reloaded, and
/// the process limits every pool gets. What is not set follows <see cref="Version"/> as Debian lays it out
/// (<c>/usr/sbin/php-fpm8.2</c>, <c>/etc/php/8.2/fpm/pool.d</c>, <c>systemctl reload php8.2-fpm</c>), so a configuration
/// written before PHP-FPM was managed still means the system's PHP-FPM.
/// </summary>
public sealed class PhpFpmOptions
{
    private string? _binary;
    private string? _poolFolder;

    /// <summary>Major.minor, e.g. 8.2: the PHP the pools run. Default: the installed one (the highest, if several).</summary>
    public string Version { get; set; } = PhpFpmVersions.Installed();

    /// <summary>The php-fpm program of <see cref="Version"/>.</summary>
    public string Binary
    {
        get => _binary ?? $"/usr/sbin/php-fpm{Version}";
        set => _binary = value;
    }

    /// <summary>Where the instances' pool files (<c>NAME.conf</c>) are written; the master includes every <c>*.conf</c> in it.</summary>
    public string PoolFolder
    {
        get => _poolFolder ?? $"/etc/php/{Version}/fpm/pool.d";
        set => _poolFolder = value;
    }

    /// <summary>Where the pools' unix sockets are made (Apache hands <c>.php</c> requests to them).</summary>
    public string SocketFolder { get; set; } = "/run/php";

    /// <summary>Program and arguments, e.g. ["php-fpm8.2", "-t"]; never a shell string. Unset: <see cref="ConfigTest"/>'s default.</summary>
    /// <remarks>Nullable rather than a derived default: the configuration binder appends a file's array to what the property already holds.</remarks>
    public string[]? ConfigTestCommand { get; set; }

    /// <summary>Program and arguments of a graceful reload, e.g. ["systemctl", "reload", "php8.2-fpm"]; empty with a private master (the worker signals it).</summary>
    public string[]? ReloadCommand { get; set; }

    /// <summary>The config test to run: <see cref="ConfigTestCommand"/>, or <c>php-fpmX.Y -t</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ConfigTest => ConfigTestCommand ?? [$"php-fpm{Version}", "-t"];

    /// <summary>The reload to run: <see cref="ReloadCommand"/>, or <c>systemctl reload phpX.Y-fpm</c>; empty means "signal the private master".</summary>
    [JsonIgnore]
    public IReadOnlyList<string> Reload => ReloadCommand ?? (PrivateServer.Enabled ? [] : ["systemctl", "reload", $"php{Version}-fpm"]);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The master's error log. When set, a reload waits until the master logs that it is ready again, so a pool just
    /// added has its socket before anyone is sent to it.
    /// </summary>
    public string? MainErrorLog { get; set; }

    /// <summary>The process limits written into each instance's pool.</summary>
    public PhpFpmPoolLimits Pools { get; set; } = new();

    /// <summary>Sandbox: a private PHP-FPM master the worker configures, starts and stops itself.</summary>
    public PrivatePhpFpmOptions PrivateServer { get; set; } = new();
}
