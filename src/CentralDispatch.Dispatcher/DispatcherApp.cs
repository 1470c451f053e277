using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Api;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using CentralDispatch.Dispatcher.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;

namespace CentralDispatch.Dispatcher;

/// <summary>Composes the dispatcher: store, queue, API, web UI, authentication, background reaper.</summary>
public static class DispatcherApp
{
    public static WebApplication Build(DispatcherSettings settings, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = settings.Args ?? [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        if (settings.Urls is not null)
        {
            builder.WebHost.UseUrls(settings.Urls);
        }

        var store = new StoreOptions
        {
            DataDirectory = Path.GetFullPath(settings.DataDirectory),
            Database = settings.Database ?? builder.Configuration["Store:Database"],
        };
        // Data Protection warns that keys rest unencrypted; they do, in a folder only the dispatcher's user may read.
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        // Every SQL statement at Information would drown what operators need.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        AddServices(builder.Services, builder.Configuration, store);
        configure?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>Migrates the store, then starts listening; returns the addresses Kestrel bound.</summary>
    public static async Task<IReadOnlyList<string>> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        await StoreInitializer.MigrateAsync(app.Services, cancellationToken);
        KeyRing.PrepareFolder(app.Services.GetRequiredService<StoreOptions>());
        await app.StartAsync(cancellationToken);
        return app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
    }

    private static void AddServices(IServiceCollection services, IConfiguration configuration, StoreOptions store)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddProblemDetails();
        services.AddExceptionHandler<DispatchExceptionHandler>();
        services.ConfigureHttpJsonOptions(o => CoreJson.Configure(o.SerializerOptions));
        // Throwing lets DispatchExceptionHandler name the JSON field that could not be read.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddDispatchStore(store);
        services.AddKeyRing(store);
        // The API takes bearer tokens only; the web UI a session cookie. "admin" accepts whichever the request was given.
        services.AddAuthentication(AuthSchemes.BearerOrCookie)
            .AddPolicyScheme(AuthSchemes.BearerOrCookie, "Bearer token or UI session", o => o.ForwardDefaultSelector = SchemeSelector.Select)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(AuthSchemes.Bearer, null)
            .AddCookie(AuthSchemes.Cookie, AdminSession.Configure);
        services.AddAuthorizationBuilder()
            .AddPolicy(AuthSchemes.AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(AuthSchemes.AdminRole))
            .AddPolicy(AuthSchemes.WorkerPolicy, p => p.RequireAuthenticatedUser().RequireRole(AuthSchemes.WorkerRole))
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        services.AddOptions<QueueOptions>().Bind(configuration.GetSection(QueueOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QueueSignal>();
        services.AddSingleton<JobActivity>();
        services.AddSingleton<TlsKeyProtector>();
        services.AddScoped<JobQueue>();
        services.AddScoped<LeaseReaper>();
        services.AddScoped<WorkerService>();
        services.AddScoped<WorkerPlacement>();
        services.AddScoped<InstanceService>();
        services.AddScoped<JobService>();
        services.AddScoped<AgentPayloads>();
        services.AddScoped<AdminAccounts>();
        services.AddHostedService<LeaseReaperService>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(o => o.AddDocumentTransformer<BearerSecuritySchemeTransformer>().AddOperationTransformer<AuthResponsesTransformer>());
        services.AddWebUi();
    }

    private static void MapEndpoints(WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseWebUiAssets();
        app.UseAuthentication();
        app.UseApiReferenceGuard();
        app.UseAuthorization();

        app.MapHealthChecks("/healthz").AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.MapGroup("").RequireAuthorization(AuthSchemes.AdminPolicy).MapWorkersApi().MapInstancesApi().MapJobsApi();
        api.MapGroup("").RequireAuthorization(AuthSchemes.WorkerPolicy).MapAgentApi();
        app.MapOpenApi().RequireAuthorization(AuthSchemes.AdminPolicy);
        app.MapGroup("").RequireAuthorization(AuthSchemes.AdminPolicy)
            .MapScalarApiReference(ApiReferenceGuard.Path, o => o.WithTitle("Central Dispatch API").DisableDefaultFonts().DisableTelemetry());
        app.MapWebUi();
    }
}
