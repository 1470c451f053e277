using CentralDispatch.Worker.Machine.Certificates;
using CentralDispatch.Worker.Machine.Files;
using CentralDispatch.Worker.Tests.Support;

namespace CentralDispatch.Worker.Tests.Machine.Certificates;

public sealed class CertificateFileWriterTests
{
    private readonly CertificateFileWriter _writer = new();

    [Fact]
    public async Task Write_KeyIs0600_CertificateCarriesTheChain_ChainWrittenToo()
    {
        using var folder = new TestFolder();
        using var leaf = TestCertificate.For("shop.test.example");
        using var issuer = TestCertificate.For("issuer.test.example");
        var paths = CertificatePaths.For(folder.Path, "shop");

        var written = await _writer.WriteAsync(paths, leaf.CertificatePem, leaf.KeyPem, issuer.CertificatePem, CancellationToken.None);

        Assert.Equal([paths.KeyFile, paths.ChainFile, paths.CertificateFile], written);
        Assert.Equal(FileModes.OwnerOnly, File.GetUnixFileMode(paths.KeyFile));
        Assert.Equal(FileModes.Readable, File.GetUnixFileMode(paths.CertificateFile));
        Assert.Equal(leaf.KeyPem.TrimEnd(), (await File.ReadAllTextAsync(paths.KeyFile)).TrimEnd());
        var certificateFile = await File.ReadAllTextAsync(paths.CertificateFile);
        Assert.StartsWith(leaf.CertificatePem.TrimEnd(), certificateFile, StringComparison.Ordinal);
        Assert.EndsWith(issuer.CertificatePem.TrimEnd() + "\n", certificateFile, StringComparison.Ordinal);
        Assert.Equal(issuer.CertificatePem.TrimEnd() + "\n", await File.ReadAllTextAsync(paths.ChainFile));
    }

    [Fact]
    public async Task Write_WithoutChain_WritesNoChainFile_AndRemoveDeletesWhatExists()
    {
        using var folder = new TestFolder();
        using var leaf = TestCertificate.For("shop.test.example");
        var paths = CertificatePaths.For(folder.Path, "shop");

        await _writer.WriteAsync(paths, leaf.CertificatePem, leaf.KeyPem, null, CancellationToken.None);

        Assert.False(File.Exists(paths.ChainFile));
        Assert.Equal([paths.CertificateFile, paths.KeyFile], _writer.Remove(paths));
        Assert.Empty(Directory.GetFiles(folder.Path));
        Assert.Empty(_writer.Remove(paths));
    }
}
