using System.Text.Json;
using CentralDispatch.Cli.Commands;
using CentralDispatch.Core.Json;
using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Cli.Client;

/// <summary>
/// The CLI's own config file, written by `dispatch login`: $CD_CONFIG, else $XDG_CONFIG_HOME/centraldispatch/cli.json,
/// else ~/.config/centraldispatch/cli.json. It holds a token, so it is written 0600 in a 0700 folder.
/// </summary>
public static class CliConfigFile
{
    public const string PathVariable = "CD_CONFIG";

    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (NonEmpty(environment(PathVariable)) is { } explicitPath)
        {
            return Path.GetFullPath(explicitPath);
        }

        var configHome = NonEmpty(environment("XDG_CONFIG_HOME"))
                         ?? Path.Combine(NonEmpty(environment("HOME")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(configHome, "centraldispatch", "cli.json");
    }

    /// <returns>The saved settings, or null when there is no file.</returns>
    public static async Task<CliConfig?> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<CliConfig>(stream, CoreJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            throw new CliException($"{path} is not valid JSON ({e.Message}); run `dispatch login --url URL --token TOKEN` to write it again.");
        }
    }

    public static async Task WriteAsync(string path, CliConfig config, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder, FileModes.PrivateFolder);
        await AtomicFile.WriteTextAsync(path, JsonSerializer.Serialize(config, CoreJson.Options) + "\n", FileModes.OwnerOnly, cancellationToken);
    }

    internal static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
