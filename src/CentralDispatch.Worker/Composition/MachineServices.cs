using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Reloads;
using CentralDispatch.Worker.Machine;
using CentralDispatch.Worker.Machine.Apache;
using CentralDispatch.Worker.Machine.Archives;
using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Machine.Http;
using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Machine.PhpFpm;
using CentralDispatch.Worker.Machine.Processes;
using CentralDispatch.Worker.Machine.Templates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CentralDispatch.Worker.Composition;

/// <summary>Registers the adapters to this machine (Apache, MariaDB, crontab, files, …), built from the validated <see cref="WorkerOptions"/>.</summary>
public static class MachineServices
{
    /// <summary>Expects <see cref="WorkerConfiguration.AddWorkerOptions"/> to have been called.</summary>
    public static IServiceCollection AddWorkerMachine(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IProcessRunner, ProcessRunner>();
        services.AddSingleton<IWebServerControl>(provider =>
        {
            var web = provider.GetRequiredService<IOptions<WorkerOptions>>().Value.WebServer;
            var watcher = string.IsNullOrEmpty(web.MainErrorLog) ? null : new GracefulRestartWatcher(web.MainErrorLog, provider.GetRequiredService<TimeProvider>());
            return new CommandWebServerControl(web.ConfigTestCommand, web.ReloadCommand, web.CommandTimeout, provider.GetRequiredService<IProcessRunner>(), watcher);
        });
        services.TryAddSingleton<ReloadRequesters>();
        services.AddSingleton(provider => new ReloadCoordinator(
            provider.GetRequiredService<IWebServerControl>(),
            provider.GetRequiredService<IOptions<WorkerOptions>>().Value.ReloadCoalescingWindow,
            provider.GetRequiredService<ReloadRequesters>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReloadCoordinator>>()));
        services.AddSingleton<IPhpFpmControl>(provider =>
        {
            var php = provider.GetRequiredService<IOptions<WorkerOptions>>().Value.PhpFpm;
            var time = provider.GetRequiredService<TimeProvider>();
            var runner = provider.GetRequiredService<IProcessRunner>();
            if (php.PrivateServer is { Enabled: true, Folder: { } folder } && php.Reload.Count == 0)
            {
                return new SandboxPhpFpmControl(new SandboxPhpFpmLayout(folder), php.Binary, php.CommandTimeout, runner, time);
            }

            var watcher = string.IsNullOrEmpty(php.MainErrorLog) ? null : new GracefulRestartWatcher(php.MainErrorLog, time, GracefulRestartWatcher.PhpFpmReady, "PHP-FPM");
            return new CommandPhpFpmControl(php.ConfigTest, php.Reload, php.CommandTimeout, runner, watcher);
        });
        services.AddKeyedSingleton(PhpFpmReloads.Key, (provider, _) => new ReloadCoordinator(
            provider.GetRequiredService<IPhpFpmControl>(),
            provider.GetRequiredService<IOptions<WorkerOptions>>().Value.ReloadCoalescingWindow,
            provider.GetRequiredService<ReloadRequesters>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<ReloadCoordinator>>()));
        services.AddSingleton<ICrontab>(provider =>
        {
            var cron = provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Cron;
            return cron.CrontabFile is { Length: > 0 } file
                ? new FileCrontab(file)
                : new UserCrontab(cron.CrontabUser!, provider.GetRequiredService<IProcessRunner>());
        });
        services.AddSingleton(provider => MariaDbServer.From(provider.GetRequiredService<IOptions<WorkerOptions>>().Value.Database));
        services.AddSingleton<MariaDbAdmin>();
        services.AddSingleton<DumpLoader>();
        services.AddSingleton<TreeCopier>();
        services.AddSingleton<ArchiveWriter>();
        services.AddSingleton<ArchiveReader>();
        services.AddSingleton<TreeOwnership>();
        services.AddSingleton<CertificateFileWriter>();
        services.AddSingleton<TemplateRenderer>();
        services.AddSingleton<LocalSiteProbe>();
        services.AddSingleton<SandboxServers>();
        services.AddHostedService(provider => provider.GetRequiredService<SandboxServers>());
        return services;
    }
}
