using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class InstallPathRuleTests
{
    [Theory]
    [InlineData(InstallPathRule.Default)]
    [InlineData("/srv/www")]
    [InlineData("/var/www/sites")]
    [InlineData("/home/web/sites.d")]
    [InlineData("/srv/Sites")] // Linux paths are case-sensitive; upper case is a real folder name
    public void Check_AcceptsAbsoluteFolderPathsTest(string path)
    {
        Assert.Null(InstallPathRule.Check(path));
    }

    [Fact]
    public void Check_Accepts255CharactersAndRefuses256Test()
    {
        var path = "/" + new string('a', 254);

        Assert.Null(InstallPathRule.Check(path));
        Assert.Contains("Too long", InstallPathRule.Check(path + "a"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "Required")]
    [InlineData("", "Required")]
    [InlineData(" ", "is not an absolute folder path")]
    [InlineData("/", "is not an absolute folder path")] // refused before the system folder check: no folder name at all
    [InlineData("var/www", "is not an absolute folder path")]
    [InlineData("./www", "is not an absolute folder path")]
    [InlineData("/var/www/", "is not an absolute folder path")]
    [InlineData("//var/www", "is not an absolute folder path")]
    [InlineData("/var//www", "is not an absolute folder path")]
    [InlineData("/var/www/..", "contains '.' or '..'")]
    [InlineData("/var/www/../../etc", "contains '.' or '..'")]
    [InlineData("/var/./www", "contains '.' or '..'")]
    [InlineData("/var/..%2fetc", "is not an absolute folder path")]
    [InlineData("/var/www;id", "is not an absolute folder path")]
    [InlineData("/var/www$(id)", "is not an absolute folder path")]
    [InlineData("/var/www`id`", "is not an absolute folder path")]
    [InlineData("/var/www|id", "is not an absolute folder path")]
    [InlineData("/var/w w", "is not an absolute folder path")]
    [InlineData("/var/www\n", "is not an absolute folder path")]
    [InlineData("/var/www\0", "is not an absolute folder path")]
    [InlineData("/var/www'", "is not an absolute folder path")]
    [InlineData("/var/www\"", "is not an absolute folder path")]
    [InlineData("/var/ww\u0445", "is not an absolute folder path")] // Cyrillic 'х'
    [InlineData("/var/www\u200b", "is not an absolute folder path")]
    [InlineData("~/www", "is not an absolute folder path")]
    [InlineData("/var/www/*", "is not an absolute folder path")]
    [InlineData("C:\\www", "is not an absolute folder path")]
    public void Check_RefusesWhatIsNotAPlainAbsolutePath_SayingWhyTest(string? path, string reason)
    {
        Assert.Contains(reason, InstallPathRule.Check(path), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc")]
    [InlineData("/var")]
    [InlineData("/usr")]
    [InlineData("/root")]
    [InlineData("/home")]
    [InlineData("/tmp")]
    [InlineData("/var/lib")]
    [InlineData("/var/log")]
    [InlineData("/usr/local")]
    public void Check_RefusesSystemFoldersTest(string path)
    {
        Assert.Equal($"'{path}' is a system folder; give a folder of its own, such as /var/www.", InstallPathRule.Check(path));
    }

    [Fact]
    public void Check_NamesTheSystemFolderTest()
    {
        Assert.Contains("system folder", InstallPathRule.Check("/etc"), StringComparison.Ordinal);
    }
}
