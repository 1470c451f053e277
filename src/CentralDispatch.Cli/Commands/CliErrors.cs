using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands;

/// <summary>Runs a command body and turns expected failures into one line on stderr and a non-zero exit code.</summary>
public static class CliErrors
{
    public const int Failure = 1;

    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception e) when (e is DomainException or CliException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"error: {e.Message}");
            return Failure;
        }
    }
}
