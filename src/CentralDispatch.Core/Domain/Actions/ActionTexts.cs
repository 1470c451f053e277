namespace CentralDispatch.Core.Domain.Actions;

/// <summary>What the web UI and the CLI say about an action.</summary>
/// <param name="Button">The instance page's button.</param>
/// <param name="Help">The CLI verb's one-line help.</param>
/// <param name="Confirmation">For an action that takes a site down or removes things: the page asks first, naming the instance.</param>
public sealed record ActionTexts(string Button, string Help, ActionConfirmation? Confirmation = null);
