using CentralDispatch.Worker.Machine.Files;

namespace CentralDispatch.Worker.Machine.Cron;

/// <summary>A crontab-format file (sandbox profile): nothing outside the data folder is touched, and no cron daemon reads it.</summary>
public sealed class FileCrontab(string path) : Crontab
{
    public string Path { get; } = path;

    protected override async Task<string> ReadAsync(CancellationToken cancellationToken) =>
        File.Exists(Path) ? await File.ReadAllTextAsync(Path, cancellationToken) : string.Empty;

    protected override Task WriteAsync(string content, CancellationToken cancellationToken) =>
        AtomicFile.WriteTextAsync(Path, content, FileModes.OwnerOnly, cancellationToken);
}
