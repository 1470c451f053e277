using System.Text.Json;
using System.Text.Json.Serialization;

namespace CentralDispatch.Core.Json;

/// <summary>The JSON conventions of the v1 API, shared by the dispatcher, the worker and the CLI.</summary>
public static class CoreJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>Applies the API conventions to framework-owned options (ASP.NET Core's JSON options).</summary>
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.Converters.Add(new JsonStringEnumConverter());
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
