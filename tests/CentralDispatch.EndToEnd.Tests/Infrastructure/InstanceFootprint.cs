namespace CentralDispatch.EndToEnd.Tests.Infrastructure;

/// <summary>Everything of one instance found on a worker host, counted so that a duplicate shows as a 2.</summary>
/// <param name="Paths">Files, folders and links anywhere in the sandbox (outside MariaDB's data) named after the instance.</param>
/// <param name="DatabaseUsers">Rows of the instance's database user in mysql.user (one per host part).</param>
/// <param name="Databases">Databases of the instance's name.</param>
/// <param name="CronLines">Crontab lines carrying the instance's tag.</param>
/// <param name="Journals">Journal files of the instance not yet acknowledged (removed), and saved leases of its jobs.</param>
public sealed record InstanceFootprint(
    IReadOnlyList<string> Paths,
    int DatabaseUsers,
    int Databases,
    int CronLines,
    IReadOnlyList<string> Journals)
{
    public bool IsEmpty => Paths.Count == 0 && DatabaseUsers == 0 && Databases == 0 && CronLines == 0 && Journals.Count == 0;

    public override string ToString() =>
        $"paths [{string.Join(", ", Paths)}], database users {DatabaseUsers}, databases {Databases}, cron lines {CronLines}, journals [{string.Join(", ", Journals)}]";
}
