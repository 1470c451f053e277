namespace CentralDispatch.Bench.Harness;

/// <summary>Files of the repository itself (the sample release), found above the benchmark's output folder or the current folder.</summary>
public static class RepositoryFiles
{
    public static string SampleRelease => Path.Combine(Root(), "deploy", "sample-release");

    private static string Root()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "CentralDispatch.slnx")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException($"No CentralDispatch.slnx above {AppContext.BaseDirectory} or the current folder; run the benchmark from the repository.");
    }
}
