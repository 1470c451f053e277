namespace CentralDispatch.Bench.DeployLatency;

/// <summary>One deploy, timed from the create request; with the baseline reload measured right after it.</summary>
/// <param name="FirstOkMs">Create request sent → first HTTPS 200 from the site with the instance's certificate.</param>
/// <param name="ActiveMs">Create request sent → the API shows the instance Active.</param>
/// <param name="QueuedMs">The job's time in the queue (created → claimed), by the dispatcher's clock.</param>
/// <param name="BaselineMs">One config test + graceful reload of the same Apache, with the same sites loaded.</param>
/// <param name="Steps">Each deploy step's own duration as the worker reported it, in plan order.</param>
public sealed record DeployMeasurement(double FirstOkMs, double ActiveMs, double QueuedMs, double BaselineMs, IReadOnlyList<(string Step, double Ms)> Steps);
