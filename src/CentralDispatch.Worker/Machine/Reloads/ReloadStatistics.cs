namespace CentralDispatch.Worker.Machine.Reloads;

/// <summary>Counts since start: how many reloads were asked for, and how many config tests and reloads actually ran.</summary>
public sealed record ReloadStatistics(int Requests, int ConfigTests, int FailedConfigTests, int Reloads);
