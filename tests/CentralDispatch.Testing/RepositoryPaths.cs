namespace CentralDispatch.Testing;

/// <summary>Files of the repository itself (the shipped templates, sample release, docs), found from the test's output folder.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SampleRelease => Path.Combine(Root, "deploy", "sample-release");

    public static string Templates => Path.Combine(Root, "deploy", "templates");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CentralDispatch.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CentralDispatch.slnx above {AppContext.BaseDirectory}.");
    }
}
