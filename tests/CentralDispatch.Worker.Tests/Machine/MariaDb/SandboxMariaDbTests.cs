using MySqlConnector;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

[Collection(SandboxMariaDbCollection.Name)]
public sealed class SandboxMariaDbTests(SandboxMariaDbFixture fixture)
{
    [Fact]
    public async Task Server_KeepsItsTemporaryFilesInsideItsFolder()
    {
        await using var connection = new MySqlConnection(fixture.Admin.Server.AdminConnectionString());
        await connection.OpenAsync();
        await using var command = new MySqlCommand("SELECT @@tmpdir", connection);

        var tmpdir = (string?)await command.ExecuteScalarAsync();

        Assert.Equal(fixture.MariaDb.Layout.TempFolder, tmpdir);
        Assert.StartsWith(fixture.Folder + "/", tmpdir, StringComparison.Ordinal);
    }
}
