using CentralDispatch.Worker.Machine.MariaDb;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

public sealed class DatabasePasswordTests
{
    [Fact]
    public void Generate_GivesDistinctAlphanumericPasswords()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => DatabasePassword.Generate()).ToList();

        Assert.All(passwords, password => Assert.Matches("^[A-Za-z0-9]{32}\\z", password));
        Assert.Equal(50, passwords.Distinct(StringComparer.Ordinal).Count());
    }
}
