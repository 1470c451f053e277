using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Provisioning;

/// <summary>A thing on the host a step creates, as "kind:identifier" (e.g. <c>database:cd_shop</c>, <c>file:/var/www/shop</c>).</summary>
[JsonConverter(typeof(ResourceIdJsonConverter))]
public sealed partial record ResourceId
{
    public ResourceId(string kind, string identifier)
    {
        if (!KindPattern().IsMatch(kind))
        {
            throw new ArgumentException($"Resource kind '{kind}' must match {KindPattern()}.", nameof(kind));
        }

        // One journal line per record: a line break inside an identifier would tear the record.
        if (string.IsNullOrEmpty(identifier) || identifier.AsSpan().ContainsAny('\n', '\r', '\0'))
        {
            throw new ArgumentException("Resource identifier must be non-empty and on one line.", nameof(identifier));
        }

        Kind = kind;
        Identifier = identifier;
    }

    public string Kind { get; }
    public string Identifier { get; }

    public static ResourceId Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new FormatException($"'{text}' is not a resource (expected kind:identifier).");
        }

        return new ResourceId(text[..colon], text[(colon + 1)..]);
    }

    public override string ToString() => $"{Kind}:{Identifier}";

    [GeneratedRegex("^[a-z][a-z0-9-]*$")]
    private static partial Regex KindPattern();
}
