using CentralDispatch.Dispatcher.Tests.Infrastructure;
using CentralDispatch.Dispatcher.Tests.Postgres;
using CentralDispatch.Testing.Hosting;
using CentralDispatch.Testing.Postgres;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CentralDispatch.Dispatcher.Tests.Security;

/// <summary>On PostgreSQL the key ring sits next to the TLS keys it encrypts, so it is stored encrypted with a certificate kept outside.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresKeyRingTests(PostgresFixture postgres) : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("cd-keyring-");

    [Fact]
    public async Task KeyRingInTheDatabase_IsEncrypted_AndAReplicaWithTheCertificateDecryptsTheTlsKeys()
    {
        var database = await postgres.CreateDatabaseAsync(CancellationToken.None);
        await using var first = await DispatcherTestHost.StartAsync(new() { Postgres = database });
        var (worker, _) = await first.OnlineWorkerAsync();
        var pem = await first.Admin().CreateInstanceWithCertificateAsync(worker.Name);

        var keys = await KeyXmlAsync(database);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });

        // Another replica, its own process state, the same database and certificate: it reads the keys and hands out the TLS key.
        await using var replica = await DispatcherTestHost.StartAsync(new() { Postgres = database });
        var job = await replica.Client(worker.Token).ClaimAsync();
        Assert.Equal(pem.KeyPem, job?.Instance.Tls?.KeyPem);
    }

    [Fact]
    public async Task Start_WithoutTheCertificate_IsRefusedNamingTheSetting_AndLeavesTheDatabaseEmpty()
    {
        var database = await postgres.CreateDatabaseAsync(CancellationToken.None);
        await using var app = DispatcherApp.Build(new DispatcherSettings(_folder.FullName, database, "http://127.0.0.1:0"), b => b.Logging.ClearProviders());

        var refused = await Assert.ThrowsAsync<OptionsValidationException>(() => DispatcherApp.StartAsync(app, CancellationToken.None));

        Assert.Contains("DataProtection:CertificateFile is required with a PostgreSQL store", refused.Message, StringComparison.Ordinal);
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    public void Dispose() => _folder.Delete(recursive: true);

    private static async Task<List<string>> KeyXmlAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
