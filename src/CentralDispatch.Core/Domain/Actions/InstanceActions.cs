using System.Diagnostics.CodeAnalysis;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>
/// Every lifecycle action: each concrete <see cref="InstanceAction"/> of this assembly, once, ordered by its job kind
/// (a variant after the action it varies). Adding an action is adding its class; nothing here changes.
/// </summary>
public static class InstanceActions
{
    public static IReadOnlyList<InstanceAction> All { get; } = Discover();

    /// <summary>The slugs as a sentence: "deploy, retry, … or backout".</summary>
    public static string Slugs { get; } = string.Join(", ", All.Take(All.Count - 1).Select(a => a.Slug)) + " or " + All[^1].Slug;

    public static bool TryParse(string slug, [NotNullWhen(true)] out InstanceAction? action)
    {
        action = All.FirstOrDefault(a => string.Equals(a.Slug, slug, StringComparison.Ordinal));
        return action is not null;
    }

    /// <summary>The action that says what a job of this kind does to its instance.</summary>
    public static InstanceAction ForKind(JobKind kind) =>
        All.FirstOrDefault(a => a.Kind == kind && !a.IsVariant)
        ?? throw new InvalidOperationException($"No lifecycle action defines {kind} jobs; add a class deriving from {nameof(InstanceAction)}.");

    /// <summary>The one instance of an action type.</summary>
    public static T Get<T>()
        where T : InstanceAction =>
        (T)All.Single(a => a.GetType() == typeof(T));

    private static List<InstanceAction> Discover() =>
        typeof(InstanceAction).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsSubclassOf(typeof(InstanceAction)))
            .Select(t => (InstanceAction)Activator.CreateInstance(t)!)
            .OrderBy(a => a.Kind)
            .ThenBy(a => a.IsVariant)
            .ThenBy(a => a.Slug, StringComparer.Ordinal)
            .ToList();
}
