using CentralDispatch.Core.Contracts.Workers;

namespace CentralDispatch.Core.Validation;

/// <summary>Checks every field of a worker registration; returns the normalised values when all pass.</summary>
public static class WorkerRequestValidator
{
    public const int DefaultCapacity = 50;
    public const int MaxCapacity = 10_000;

    public static ValidWorkerRegistration? Validate(RegisterWorkerRequest? request, FieldErrors errors)
    {
        if (request is null)
        {
            errors.Add("body", "A JSON object with name and hostUrl is required.");
            return null;
        }

        errors.Check("name", InstanceNameRule.Check(request.Name, checkReserved: false));
        errors.Check("hostUrl", HostUrlRule.Check(request.HostUrl));
        var installPath = request.InstallPath ?? InstallPathRule.Default;
        errors.Check("installPath", InstallPathRule.Check(installPath));
        errors.Check("labels", LabelRule.Check(request.Labels));
        var capacity = request.Capacity ?? DefaultCapacity;
        if (capacity is < 1 or > MaxCapacity)
        {
            errors.Add("capacity", $"Must be between 1 and {MaxCapacity} (instances this host may carry).");
        }

        if (!errors.IsEmpty)
        {
            return null;
        }

        var hostUrl = request.HostUrl!.TrimEnd('/');
        var labels = (request.Labels ?? []).Select(l => l!).ToList();
        return new ValidWorkerRegistration(request.Name!, hostUrl, installPath, labels, capacity);
    }
}

/// <summary>A worker registration that passed validation.</summary>
public sealed record ValidWorkerRegistration(string Name, string HostUrl, string InstallPath, IReadOnlyList<string> Labels, int Capacity);
