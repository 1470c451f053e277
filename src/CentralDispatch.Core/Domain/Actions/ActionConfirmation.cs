namespace CentralDispatch.Core.Domain.Actions;

/// <summary>The question a destructive action asks before it is queued.</summary>
/// <param name="Button">The confirming button for an instance name ("Decommission shop"); with "?" the question's title.</param>
/// <param name="Text">The page's explanation, for an instance name and its worker's name.</param>
/// <param name="Prompt">The CLI's question on a terminal for an instance name (skipped with --yes); null: the CLI does not ask.</param>
public sealed record ActionConfirmation(Func<string, string> Button, Func<string, string, string> Text, Func<string, string>? Prompt = null);
