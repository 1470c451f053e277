using CentralDispatch.Core.Domain;

namespace CentralDispatch.Cli.Commands;

/// <summary>Runs a command body and turns expected failures into one line on stderr and a non-zero exit code.</summary>
public static class CliErrors
{
    public const int Failure = ExitCodes.Refused;

    public static async Task<int> Guard(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (CliException e)
        {
            await WriteAsync(e.Message);
            return e.ExitCode;
        }
        catch (Exception e) when (e is DomainException or IOException or UnauthorizedAccessException)
        {
            await WriteAsync(e.Message);
            return Failure;
        }
    }

    /// <summary>The one error line: "error: …", with line breaks folded so it stays one line.</summary>
    public static Task WriteAsync(string message) => Console.Error.WriteLineAsync($"error: {OneLine(message)}");

    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
