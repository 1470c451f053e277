using System.Text.Json;
using System.Text.Json.Serialization;
using CentralDispatch.Worker.Machine.Files;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Configuration;

/// <summary>Reads and writes the worker's JSON file (<c>{ "Worker": { … } }</c>); the file holds the token, so it is 0600.</summary>
public static class WorkerConfigFile
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(new LowerCaseNaming()) },
    };

    /// <summary>Where `worker init` writes and `worker run` reads by default: DATA/worker.json for the sandbox, /etc/centraldispatch/worker.json on Debian.</summary>
    public static string DefaultPath(WorkerProfile profile, string? dataFolder) => profile == WorkerProfile.Sandbox
        ? Path.Combine(Path.GetFullPath(dataFolder ?? throw new ArgumentException("The sandbox profile needs a data folder.", nameof(dataFolder))), WorkerProfiles.SandboxConfigFileName)
        : WorkerProfiles.DebianConfigFile;

    public static async Task WriteAsync(string path, WorkerOptions options, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder, FileModes.Folder);
        var document = new Dictionary<string, WorkerOptions>(StringComparer.Ordinal) { [WorkerOptions.SectionName] = options };
        await AtomicFile.WriteTextAsync(path, JsonSerializer.Serialize(document, Json) + "\n", FileModes.OwnerOnly, cancellationToken);
    }

    /// <summary>Reads the file the way `worker run` does (environment variables override it) and validates it.</summary>
    /// <exception cref="OptionsValidationException">The configuration is invalid; each failure names its key.</exception>
    public static WorkerOptions Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No worker configuration at '{path}'; create one with `dispatch worker init`.", path);
        }

        var configuration = new ConfigurationBuilder().AddWorkerConfigFile(path).Build();
        var options = configuration.GetSection(WorkerOptions.SectionName).Get<WorkerOptions>() ?? new WorkerOptions();
        var result = new WorkerOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed ? throw new OptionsValidationException(Options.DefaultName, typeof(WorkerOptions), result.Failures) : options;
    }

    private sealed class LowerCaseNaming : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
