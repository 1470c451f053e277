namespace CentralDispatch.Cli.Commands.Api;

/// <summary>Destructive actions ask first when a person is at the terminal; scripts (stdin not a terminal) and --yes do not.</summary>
public static class Confirmation
{
    /// <exception cref="CliException">The operator said no; nothing was done.</exception>
    public static async Task EnsureAsync(ApiSession session, bool yes, string question)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (yes || !session.Console.IsInputTerminal)
        {
            return;
        }

        if (!await session.Console.ConfirmAsync(question, session.CancellationToken))
        {
            throw new CliException("Not confirmed; nothing was done.");
        }
    }
}
