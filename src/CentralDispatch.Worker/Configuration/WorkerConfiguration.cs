using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Configuration;

/// <summary>Wires the worker's configuration: the JSON file, environment overrides, binding and start-up validation.</summary>
public static class WorkerConfiguration
{
    /// <summary>The file, then environment variables in the standard form (Worker__Paths__InstallPath=/srv/www).</summary>
    public static IConfigurationBuilder AddWorkerConfigFile(this IConfigurationBuilder builder, string path) =>
        builder.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false).AddEnvironmentVariables();

    /// <summary>Binds section "Worker" to <see cref="WorkerOptions"/>; an invalid configuration stops the host at start.</summary>
    public static OptionsBuilder<WorkerOptions> AddWorkerOptions(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IValidateOptions<WorkerOptions>, WorkerOptionsValidator>();
        return services.AddOptions<WorkerOptions>()
            .Bind(configuration.GetSection(WorkerOptions.SectionName))
            .ValidateOnStart();
    }
}
