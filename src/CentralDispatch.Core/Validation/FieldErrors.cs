namespace CentralDispatch.Core.Validation;

/// <summary>Per-field error messages, keyed by the JSON field name, as RFC 7807 validation problems carry them.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool IsEmpty => _errors.Count == 0;

    public IEnumerable<string> Fields => _errors.Keys;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            list = [];
            _errors[field] = list;
        }

        list.Add(message);
    }

    /// <summary>Adds the rule's message for <paramref name="field"/> when the rule fails; returns whether it passed.</summary>
    public bool Check(string field, string? message)
    {
        if (message is null)
        {
            return true;
        }

        Add(field, message);
        return false;
    }

    public bool Has(string field) => _errors.ContainsKey(field);

    public Dictionary<string, string[]> ToDictionary() =>
        _errors.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal);

    public override string ToString() =>
        string.Join("; ", _errors.Select(kv => $"{kv.Key}: {string.Join(" ", kv.Value)}"));
}
