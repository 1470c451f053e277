using System.Text.Json;
using System.Text.Json.Serialization;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>Writes a <see cref="ResourceId"/> as its "kind:identifier" text, so journals stay readable with grep.</summary>
public sealed class ResourceIdJsonConverter : JsonConverter<ResourceId>
{
    public override ResourceId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A resource must be a string.");
        try
        {
            return ResourceId.Parse(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, ResourceId value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStringValue(value.ToString());
    }
}
