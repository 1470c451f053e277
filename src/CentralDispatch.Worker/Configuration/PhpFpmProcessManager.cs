namespace CentralDispatch.Worker.Configuration;

/// <summary>The <c>pm</c> of a pool. <c>static</c> is left out on purpose: it keeps every instance's processes up whether it is used or not.</summary>
public enum PhpFpmProcessManager
{
    /// <summary>Processes start when requests come and end when idle.</summary>
    OnDemand,

    /// <summary>Keeps between min and max spare processes ready.</summary>
    Dynamic,
}
