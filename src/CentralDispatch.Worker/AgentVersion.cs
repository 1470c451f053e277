using System.Reflection;

namespace CentralDispatch.Worker;

/// <summary>The agent's version as the dispatcher shows it: the assembly's informational version.</summary>
public static class AgentVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var version = typeof(AgentVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                      ?? typeof(AgentVersion).Assembly.GetName().Version?.ToString()
                      ?? "unknown";
        // The dispatcher takes at most 64 characters of letters, digits and . - + _.
        var cleaned = new string(version.Where(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '+' or '_').ToArray());
        return cleaned.Length == 0 ? "unknown" : cleaned[..Math.Min(cleaned.Length, 64)];
    }
}
