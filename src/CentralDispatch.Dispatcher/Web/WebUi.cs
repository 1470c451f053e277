using CentralDispatch.Dispatcher.Security;
using CentralDispatch.Dispatcher.Web.Live;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>Composes the admin web UI: Razor Pages under Web/Pages, the live job stream, and the embedded CSS and script.</summary>
public static class WebUi
{
    public const string AssetsPath = "/assets";

    /// <summary>No script or style from anywhere but here, no framing, forms post only back to us.</summary>
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "frame-ancestors 'none'; form-action 'self'; base-uri 'none'; object-src 'none'";

    public static IServiceCollection AddWebUi(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Web/Pages";
                o.Conventions.AuthorizeFolder("/", AuthSchemes.AdminPolicy);
                o.Conventions.AllowAnonymousToPage("/SignIn");
            })
            .ConfigureApplicationPartManager(parts =>
            {
                // Only this assembly's pages: the host (the CLI, a test) has none, and must not bring others.
                parts.ApplicationParts.Clear();
                var assembly = typeof(WebUi).Assembly;
                foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(assembly).GetApplicationParts(assembly))
                {
                    parts.ApplicationParts.Add(part);
                }
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "cd_antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            // Secure whenever the request is HTTPS, directly or through a known proxy (forwarded headers), as the session cookie.
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__antiforgery";
        });
        services.AddScoped<JobSnapshotReader>();
        services.AddScoped<ReleaseChoices>();
        return services;
    }

    /// <summary>The CSS and script, served to anyone (the sign-in page needs them) before authentication runs.</summary>
    public static IApplicationBuilder UseWebUiAssets(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new EmbeddedFileProvider(typeof(WebUi).Assembly, "CentralDispatch.Dispatcher.Web.Assets"),
            RequestPath = AssetsPath,
        }).Use(async (context, next) =>
        {
            if (SchemeSelector.Select(context) == AuthSchemes.Cookie)
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "same-origin";
            }

            await next(context);
        });

    public static WebApplication MapWebUi(this WebApplication app)
    {
        app.MapRazorPages().WithMetadata(new WebUiEndpoint());
        app.MapGroup("").RequireAuthorization(AuthSchemes.AdminPolicy).WithMetadata(new WebUiEndpoint()).MapJobStream();
        return app;
    }
}
