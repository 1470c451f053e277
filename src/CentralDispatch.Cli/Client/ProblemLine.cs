using System.Net;
using System.Text.Json;

namespace CentralDispatch.Cli.Client;

/// <summary>
/// Turns an RFC 7807 problem into one line: "detail; --option: message; …". API field names become the CLI option the
/// operator typed, so the line says what to change on the command line.
/// </summary>
public static class ProblemLine
{
    private static readonly Dictionary<string, string> FieldOptions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["hostname"] = "--hostname",
        ["aliases"] = "--alias",
        ["worker"] = "--worker",
        ["release"] = "--release",
        ["backendEmail"] = "--backend-email",
        ["certificatePem"] = "--certificate",
        ["keyPem"] = "--key",
        ["chainPem"] = "--chain",
        ["hostUrl"] = "--host-url",
        ["installPath"] = "--install-path",
        ["labels"] = "--label",
        ["capacity"] = "--capacity",
        ["state"] = "--state",
        ["q"] = "--search",
        ["expiringWithinDays"] = "--expiring-within-days",
        ["page"] = "--page",
        ["pageSize"] = "--page-size",
    };

    public static string Format(HttpStatusCode status, string? body)
    {
        var (head, fields) = Parse(body);
        head ??= $"the dispatcher answered {(int)status} {status}";
        if (status == HttpStatusCode.Unauthorized)
        {
            head = $"the dispatcher refused the API token (401 {head.TrimEnd('.')}); run `dispatch login --url URL --token TOKEN` with a token from `dispatch admin token`";
        }
        else if (status == HttpStatusCode.Forbidden)
        {
            head = $"{head.TrimEnd('.')} (403: this token is not an admin API token)";
        }

        // A conflict names its field with the same message as its detail: said once.
        var extra = fields.Where(f => f.Message.TrimEnd('.') != head.TrimEnd('.')).Select(f => $"{OptionFor(f.Field)}: {f.Message.TrimEnd('.')}").ToList();
        return extra.Count == 0 ? head : string.Join("; ", [head.TrimEnd('.'), .. extra]);
    }

    /// <summary>"aliases[2]" → "--alias"; an unknown field keeps its API name.</summary>
    public static string OptionFor(string field)
    {
        var bare = field.Split('[', 2)[0];
        return FieldOptions.TryGetValue(bare, out var option) ? option : field;
    }

    private static (string? Head, List<(string Field, string Message)> Fields) Parse(string? body)
    {
        var fields = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(body))
        {
            return (null, fields);
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (Snippet(body), fields);
            }

            var head = Text(root, "detail") ?? Text(root, "title");
            if (root.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in errors.EnumerateObject())
                {
                    var messages = field.Value.ValueKind == JsonValueKind.Array
                        ? field.Value.EnumerateArray().Select(m => m.ToString())
                        : [field.Value.ToString()];
                    fields.Add((field.Name, string.Join(" ", messages)));
                }
            }

            return (head, fields);
        }
        catch (JsonException)
        {
            return (Snippet(body), fields);
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Snippet(string body)
    {
        var line = Commands.CliErrors.OneLine(body);
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
