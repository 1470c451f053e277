using System.Text.Json;

namespace CentralDispatch.Worker.Machine.Archives;

/// <summary>The manifest's JSON: camelCase, indented (operators read it with tar -xOzf ARCHIVE manifest.json).</summary>
internal static class ArchiveJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
