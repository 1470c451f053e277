namespace CentralDispatch.Worker.Tests.Support;

/// <summary>Files of the repository itself; see <see cref="Testing.RepositoryPaths"/>, which finds them.</summary>
public static class RepositoryFiles
{
    public static string Root => Testing.RepositoryPaths.Root;

    public static string SampleRelease => Testing.RepositoryPaths.SampleRelease;

    public static string Templates => Testing.RepositoryPaths.Templates;
}
