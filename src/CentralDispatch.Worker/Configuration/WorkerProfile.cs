namespace CentralDispatch.Worker.Configuration;

/// <summary>Which kind of host the worker runs on.</summary>
public enum WorkerProfile
{
    /// <summary>System Apache 2.4 and MariaDB of a Debian host, system paths.</summary>
    Debian,

    /// <summary>Everything under one data folder: a private Apache and MariaDB started by the worker; no root needed.</summary>
    Sandbox,
}
