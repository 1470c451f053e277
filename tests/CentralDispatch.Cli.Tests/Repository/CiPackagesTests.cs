using System.Text.RegularExpressions;
using CentralDispatch.Testing;

namespace CentralDispatch.Cli.Tests.Repository;

/// <summary>
/// CI installs its Debian packages with one explicit apt-get line (.ci/run); developers' machines get what is missing
/// from scripts/prerequisites.sh. A package added to one list only would pass here and break CI's fresh machine.
/// </summary>
public sealed partial class CiPackagesTests
{
    [Fact]
    public void CiRun_InstallsExactlyThePackagesThatPrerequisitesListsForTheTests()
    {
        var ci = File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".ci", "run"));
        var prerequisites = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "scripts", "prerequisites.sh"));

        var install = AptInstall().Match(ci);
        Assert.True(install.Success, ".ci/run has no `apt-get install -y …` line");
        var ciPackages = Words(install.Groups["packages"].Value.Replace("\\\n", " ", StringComparison.Ordinal))
            .Where(word => !word.StartsWith('-') && word != "Dpkg::Use-Pty=0");
        var quickstart = Words(ShellArray("quickstart").Match(prerequisites).Groups["items"].Value);
        var tests = Words(ShellArray("tests").Match(prerequisites).Groups["items"].Value).Where(word => word != "\"${quickstart[@]}\"");

        Assert.NotEmpty(quickstart);
        Assert.Equal(quickstart.Concat(tests).Order(StringComparer.Ordinal), ciPackages.Order(StringComparer.Ordinal));
        Assert.Contains("apt-get update", ci, StringComparison.Ordinal);
        Assert.Contains("\nscripts/test.sh ", ci, StringComparison.Ordinal);
    }

    private static string[] Words(string text) => text.Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries);

    private static Regex ShellArray(string name) => new($@"^{name}=\((?<items>[^)]*)\)", RegexOptions.Multiline);

    [GeneratedRegex(@"apt-get install -y (?<packages>(?:[^\n]*\\\n)*[^\n]*)")]
    private static partial Regex AptInstall();
}
