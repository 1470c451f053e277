using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CentralDispatch.Worker.Machine.Files.Native;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// A release's own description of itself, the optional file <c>.centraldispatch.json</c> at its root:
/// <see cref="ConfigFile"/>, the path inside the tree where the application reads the instance config file, for
/// applications that cannot be told its path outside the tree (it is then denied by the vhost by name; without it, the
/// config file exists only outside the tree, in the instance's releases folder); and <see cref="HealthCheck"/>, how the
/// release wants its health check asked (each field given overrides the worker's setting).
/// </summary>
public sealed partial record ReleaseManifest(string? ConfigFile, HealthCheckManifest? HealthCheck = null)
{
    public const string FileName = ".centraldispatch.json";

    /// <summary>A manifest is a few lines; anything bigger is not one.</summary>
    private const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        PropertyNameCaseInsensitive = false,
    };

    public static ReleaseManifest None { get; } = new((string?)null);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9._-]*(/[A-Za-z0-9_.][A-Za-z0-9._-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SafePath();

    /// <summary>
    /// Reads the manifest of the tree at <paramref name="tree"/> without following a link (the tree may be the tenant's):
    /// <see cref="None"/> when there is none.
    /// </summary>
    /// <exception cref="InvalidOperationException">There is one, and it is not a valid manifest; the message says why.</exception>
    public static async Task<ReleaseManifest> ReadAsync(string tree, CancellationToken cancellationToken)
    {
        using var folder = DirectoryHandle.Open(tree);
        var name = Machine.Files.Native.FileName.Of(FileName);
        using var file = folder.OpenRegularFile(name, out var status);
        if (file is null)
        {
            return folder.StatusOf(name) is null ? None : throw Invalid(tree, "it is not a regular file");
        }

        if (status!.Size > MaxBytes)
        {
            throw Invalid(tree, $"it is {status.Size} bytes, more than a manifest's {MaxBytes}");
        }

        var bytes = new byte[status.Size];
        var read = await RandomAccess.ReadAsync(file, bytes, 0, cancellationToken);
        try
        {
            return JsonSerializer.Deserialize<ReleaseManifest>(bytes.AsSpan(0, read), Json) ?? throw Invalid(tree, "it is empty (null)");
        }
        catch (JsonException e)
        {
            // The parser's message names the path and position, never the content.
            throw Invalid(tree, "it is not valid JSON with only the keys configFile (a string) and healthCheck (an object of path, statuses, text: strings; "
                                + $"patienceSeconds: a whole number) ({e.Path ?? "$"}, line {e.LineNumber + 1})");
        }
    }

    /// <summary>What is wrong with the manifest of the release at <paramref name="release"/> (unreadable or invalid), one message each; empty when nothing is.</summary>
    public static async Task<IReadOnlyList<string>> ProblemsOfAsync(string release, string configFileName, CancellationToken cancellationToken)
    {
        try
        {
            // The release folder itself may be an operator's link; inside it nothing is followed.
            var folder = Directory.ResolveLinkTarget(release, returnFinalTarget: true)?.FullName ?? release;
            return [.. (await ReadAsync(folder, cancellationToken)).Problems(configFileName).Select(p => $"its manifest {FileName}: {p}")];
        }
        catch (InvalidOperationException e)
        {
            return [e.Message];
        }
    }

    /// <summary>What is wrong with this manifest for a worker that writes its config file as <paramref name="configFileName"/>, one message each.</summary>
    public IReadOnlyList<string> Problems(string configFileName)
    {
        var problems = new List<string>();
        if (ConfigFileProblem(configFileName) is { } configFile)
        {
            problems.Add(configFile);
        }

        problems.AddRange(HealthCheck?.Problems() ?? []);
        return problems;
    }

    private string? ConfigFileProblem(string configFileName)
    {
        if (ConfigFile is null)
        {
            return null;
        }

        var parts = ConfigFile.Split('/');
        if (!SafePath().IsMatch(ConfigFile) || parts.Any(p => p is "." or ".."))
        {
            return $"configFile '{ConfigFile}' must be a relative path inside the release (letters, digits, '.', '_', '-' and '/'; no '..')";
        }

        return parts[^1] == configFileName
            ? null
            : $"configFile '{ConfigFile}' must end in this worker's config file name '{configFileName}' (Worker:InstanceConfig:FileName), the file its template renders";
    }

    private static InvalidOperationException Invalid(string tree, string why) =>
        new($"The release manifest {Path.Combine(tree, FileName)} is invalid: {why}.");
}
