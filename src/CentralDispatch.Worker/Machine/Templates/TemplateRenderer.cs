using System.Text;
using System.Text.RegularExpressions;

namespace CentralDispatch.Worker.Machine.Templates;

/// <summary>
/// Replaces <c>{{Key}}</c> with values from a fixed set of keys. Values end up in Apache and .env files, where a
/// newline would let a value add directives or settings of its own, so a value with a control character is refused.
/// </summary>
public sealed partial class TemplateRenderer
{
    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]*)\s*\}\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    /// <param name="template">The template text.</param>
    /// <param name="values">A value for every placeholder the template uses (extra values are fine).</param>
    /// <param name="templateName">Names the template in error messages (usually its path).</param>
    public string Render(string template, IReadOnlyDictionary<string, string> values, string templateName) => Render(template, values, templateName, null);

    /// <summary>As <see cref="Render(string, IReadOnlyDictionary{string, string}, string)"/>, with a stricter rule for the values the template uses.</summary>
    /// <param name="template">The template text.</param>
    /// <param name="values">A value for every placeholder the template uses.</param>
    /// <param name="templateName">Names the template in error messages.</param>
    /// <param name="valueProblem">Why a value may not go into this template (e.g. a cron line), or null when it may.</param>
    public string Render(string template, IReadOnlyDictionary<string, string> values, string templateName, Func<string, string?>? valueProblem)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var output = new StringBuilder(template.Length + 256);
        var position = 0;
        foreach (Match match in Placeholder().Matches(template))
        {
            output.Append(template, position, match.Index - position);
            output.Append(ValueFor(match.Groups[1].Value, values, templateName, LineOf(template, match.Index), valueProblem));
            position = match.Index + match.Length;
        }

        output.Append(template, position, template.Length - position);
        return output.ToString();
    }

    /// <summary>Reads the template file and renders it.</summary>
    public async Task<string> RenderFileAsync(string templatePath, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken)
    {
        if (!File.Exists(templatePath))
        {
            throw new TemplateException($"Template '{templatePath}' does not exist.");
        }

        return Render(await File.ReadAllTextAsync(templatePath, cancellationToken), values, templatePath);
    }

    private static string ValueFor(string key, IReadOnlyDictionary<string, string> values, string templateName, int line, Func<string, string?>? valueProblem)
    {
        if (!TemplateKeys.All.Contains(key))
        {
            throw new TemplateException($"{templateName} line {line}: unknown placeholder {{{{{key}}}}}; known placeholders are {string.Join(", ", TemplateKeys.All.Order(StringComparer.Ordinal))}.");
        }

        if (!values.TryGetValue(key, out var value))
        {
            throw new TemplateException($"{templateName} line {line}: no value for placeholder {{{{{key}}}}}.");
        }

        if (value.Any(char.IsControl))
        {
            throw new TemplateException($"{templateName} line {line}: the value for {{{{{key}}}}} contains a newline or other control character, which could inject directives; refusing.");
        }

        // The value is not quoted: it may be a secret of the instance config file.
        if (valueProblem?.Invoke(value) is { } problem)
        {
            throw new TemplateException($"{templateName} line {line}: the value for {{{{{key}}}}} {problem}; refusing.");
        }

        return value;
    }

    private static int LineOf(string text, int index) => 1 + text.AsSpan(0, index).Count('\n');
}
