using CentralDispatch.Core.Json;
using CentralDispatch.Dispatcher.Api;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Queue;
using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Store;
using CentralDispatch.Dispatcher.Transport;
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
using Microsoft.Extensions.Options;
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

        if (settings.Configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings.Configuration);
        }

        var store = new StoreOptions
        {
            DataDirectory = Path.GetFullPath(settings.DataDirectory),
            Database = settings.Database ?? builder.Configuration["Store:Database"],
        };
        // Data Protection warns that keys rest unencrypted: with SQLite and no DataProtection:CertificateFile they do, in
        // a folder only the dispatcher's user may read (with PostgreSQL a certificate is required).
        builder.Logging.AddFilter("Microsoft.AspNetCore.DataProtection.KeyManagement.XmlKeyManager", LogLevel.Error);
        // Every SQL statement at Information would drown what operators need.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        AddServices(builder.Services, builder.Configuration, store);
        builder.Services.AddTransportSecurity(builder.Configuration, settings.Urls);
        configure?.Invoke(builder);
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    /// <summary>
    /// Validates the configuration (a bad one fails here, before anything is created), migrates the store, then starts
    /// listening; returns the addresses Kestrel bound.
    /// </summary>
    /// <exception cref="OptionsValidationException">A setting is wrong (several: an <see cref="AggregateException"/> of them); each failure names its key.</exception>
    public static async Task<IReadOnlyList<string>> StartAsync(WebApplication app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        await StoreInitializer.MigrateAsync(app.Services, cancellationToken);
        KeyRing.PrepareFolder(app.Services.GetRequiredService<StoreOptions>());
        await app.StartAsync(cancellationToken);
        TransportSecurity.LogInsecureAddresses(app.Services);
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
        services.AddKeyRing(configuration, store);
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
        // First: a request that came over HTTPS through a known proxy counts as HTTPS from here on (cookies, HSTS).
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseHsts();
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
