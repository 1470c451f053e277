using CentralDispatch.Core.Validation;
using CentralDispatch.Worker.Configuration;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>Where a release's tree is: "default" is the default release folder, any other name a subfolder of the releases folder.</summary>
public static class ReleaseFolders
{
    public static string Resolve(PathsOptions paths, string release)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (release == ReleaseNameRule.Default)
        {
            return paths.DefaultReleaseFolder;
        }

        // The name passed ReleaseNameRule (no '/', no '..'), so it stays inside the releases folder.
        return ReleaseNameRule.Check(release) is null
            ? Path.Combine(paths.ReleasesFolder, release)
            : throw new ArgumentException($"'{release}' is not a release name.", nameof(release));
    }
}
