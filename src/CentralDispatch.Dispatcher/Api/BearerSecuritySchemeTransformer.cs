using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>Declares the bearer token scheme in the OpenAPI document: every operation needs an admin or worker token.</summary>
internal sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Central Dispatch API";
        document.Info.Description = "Provision and run managed web-application instances on a fleet of worker hosts. "
                                    + "Admin endpoints take an admin API token (`dispatch admin token`); /agent endpoints take a worker's enrolment token.";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "Admin API token (cda_…) or worker enrolment token (cdw_…).",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
