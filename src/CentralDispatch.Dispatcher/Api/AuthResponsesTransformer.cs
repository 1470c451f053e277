using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>Every operation needs a credential: document the 401 and 403 problem answers on each one.</summary>
internal sealed class AuthResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = "No credential, or an unknown or revoked token (problem details)." });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = "The token's role may not use this route, or the job is another worker's (problem details)." });
        return Task.CompletedTask;
    }
}
