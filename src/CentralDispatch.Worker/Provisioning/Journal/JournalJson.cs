using System.Text.Json;
using System.Text.Json.Serialization;

namespace CentralDispatch.Worker.Provisioning.Journal;

/// <summary>The journal's line format: compact camelCase JSON, enums as names, unset fields left out.</summary>
internal static class JournalJson
{
    // Read-only after creation, so sharing it is not shared mutable state.
    public static JsonSerializerOptions Options { get; } = Create();

    public static byte[] SerializeLine(JournalRecord record)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(record, Options);
        var line = new byte[json.Length + 1];
        json.CopyTo(line, 0);
        line[^1] = (byte)'\n';
        return line;
    }

    public static JournalRecord? Deserialize(ReadOnlySpan<byte> line) => JsonSerializer.Deserialize<JournalRecord>(line, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = false,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
