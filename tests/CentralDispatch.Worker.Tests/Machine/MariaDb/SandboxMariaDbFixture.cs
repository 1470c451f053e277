using CentralDispatch.Worker.Machine.MariaDb;
using CentralDispatch.Worker.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace CentralDispatch.Worker.Tests.Machine.MariaDb;

/// <summary>One private MariaDB for the whole test run (socket authentication); each test uses its own database and user names.</summary>
public sealed class SandboxMariaDbFixture : IAsyncLifetime
{
    private readonly TestFolder _folder = new("cd-mdb");

    public SandboxMariaDb MariaDb { get; private set; } = null!;

    public MariaDbAdmin Admin { get; private set; } = null!;

    public string Folder => _folder.Path;

    public async Task InitializeAsync()
    {
        MariaDb = new SandboxMariaDb(new SandboxMariaDbLayout(_folder.Combine("mariadb")), Environment.UserName, RealHost.Runner, TimeProvider.System, NullLogger<SandboxMariaDb>.Instance);
        await MariaDb.StartAsync(CancellationToken.None);
        Admin = new MariaDbAdmin(MariaDb.Server, RealHost.Runner);
    }

    public async Task DisposeAsync()
    {
        await MariaDb.DisposeAsync();
        _folder.Dispose();
    }
}
