using CentralDispatch.Core.Domain.Actions;

namespace CentralDispatch.Dispatcher.Api;

/// <summary>The request body each action takes, in the words of the OpenAPI description.</summary>
internal static class ActionBodies
{
    /// <summary>"redeploy takes an optional {"release"}; rotate-certificate takes {…}." for the actions that take something.</summary>
    public static string Description { get; } = string.Join("; ", InstanceActions.All.Where(a => a.Input != ActionInput.None)
        .Select(a => $"{a.Slug} takes {Body(a.Input)}")) + ".";

    private static string Body(ActionInput input) => input switch
    {
        ActionInput.Release => "an optional {\"release\"}",
        ActionInput.Certificate => "{\"certificatePem\", \"keyPem\", \"chainPem\"}",
        _ => "nothing",
    };
}
