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
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("var/www")]
    [InlineData("./www")]
    [InlineData("/var/www/")]
    [InlineData("//var/www")]
    [InlineData("/var//www")]
    [InlineData("/var/www/..")]
    [InlineData("/var/www/../../etc")]
    [InlineData("/var/./www")]
    [InlineData("/var/..%2fetc")]
    [InlineData("/var/www;id")]
    [InlineData("/var/www$(id)")]
    [InlineData("/var/www`id`")]
    [InlineData("/var/www|id")]
    [InlineData("/var/w w")]
    [InlineData("/var/www\n")]
    [InlineData("/var/www\0")]
    [InlineData("/var/www'")]
    [InlineData("/var/www\"")]
    [InlineData("/var/ww\u0445")] // Cyrillic 'х'
    [InlineData("/var/www\u200b")]
    [InlineData("~/www")]
    [InlineData("/var/www/*")]
    [InlineData("C:\\www")]
    public void Check_RefusesWhatIsNotAPlainAbsolutePathTest(string? path)
    {
        Assert.NotNull(InstallPathRule.Check(path));
    }

    [Theory]
    [InlineData("/")]
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
        Assert.NotNull(InstallPathRule.Check(path));
    }

    [Fact]
    public void Check_NamesTheSystemFolderTest()
    {
        Assert.Contains("system folder", InstallPathRule.Check("/etc"), StringComparison.Ordinal);
    }
}
