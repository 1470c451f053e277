using CentralDispatch.Core.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>Puts the services' per-field messages (keyed by API field name) on the form fields that carry them.</summary>
public static class FormErrors
{
    /// <param name="prefix">The bound form property, e.g. "Form": "backendEmail" lands on "Form.BackendEmail".</param>
    /// <param name="fields">The API fields the form shows; messages on others go to the form as a whole. All when null.</param>
    public static void AddFieldErrors(this ModelStateDictionary state, FieldErrors errors, string prefix, IReadOnlySet<string>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            // One message per field: a field shows only its first error, and a second one (a hint) must not get lost.
            var message = string.Join(" ", messages);
            if (fields is null || fields.Contains(BaseName(field)))
            {
                state.AddFieldError(field, message, prefix);
            }
            else
            {
                state.AddFieldError(null, $"{field}: {message}", prefix);
            }
        }
    }

    public static void AddFieldError(this ModelStateDictionary state, string? field, string message, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        state.AddModelError(Key(field, prefix), message);
    }

    /// <summary>"aliases[2]" → "Form.Aliases"; "body" or nothing → the form as a whole.</summary>
    private static string Key(string? field, string prefix)
    {
        if (string.IsNullOrEmpty(field) || field == "body")
        {
            return string.Empty;
        }

        var name = BaseName(field);
        return $"{prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }

    /// <summary>"aliases[2]" → "aliases".</summary>
    private static string BaseName(string field)
    {
        var end = field.IndexOfAny(['[', '.']);
        return end < 0 ? field : field[..end];
    }
}
