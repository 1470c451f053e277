using System.CommandLine;

namespace CentralDispatch.Cli.Commands;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string> Data() => new("--data")
    {
        Description = "The dispatcher's data folder (SQLite store, encryption keys).",
        DefaultValueFactory = _ => DefaultDataDirectory(),
    };

    public static Option<string?> Database() => new("--database")
    {
        Description = "PostgreSQL connection string; without it the store is SQLite in the data folder.",
    };

    public static string DefaultDataDirectory()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("CD_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return fromEnvironment;
        }

        return Environment.UserName == "root"
            ? "/var/lib/centraldispatch"
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData), "centraldispatch");
    }
}
