namespace CentralDispatch.Cli.Commands;

/// <summary>A command cannot do what was asked; the message is the one line the user sees.</summary>
public sealed class CliException(string message) : Exception(message);
