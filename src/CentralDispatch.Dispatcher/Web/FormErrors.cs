using CentralDispatch.Core.Validation;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CentralDispatch.Dispatcher.Web;

/// <summary>Puts the services' per-field messages (keyed by API field name) on the form fields that carry them.</summary>
public static class FormErrors
{
    /// <param name="prefix">The bound form property, e.g. "Form": "backendEmail" lands on "Form.BackendEmail".</param>
    public static void AddFieldErrors(this ModelStateDictionary state, FieldErrors errors, string prefix)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (field, messages) in errors.ToDictionary())
        {
            foreach (var message in messages)
            {
                state.AddFieldError(field, message, prefix);
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

        var end = field.IndexOfAny(['[', '.']);
        var name = end < 0 ? field : field[..end];
        return $"{prefix}.{char.ToUpperInvariant(name[0])}{name[1..]}";
    }
}
