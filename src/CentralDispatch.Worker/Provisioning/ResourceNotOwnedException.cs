namespace CentralDispatch.Worker.Provisioning;

/// <summary>A resource a step must create already exists and this job did not create it: the step refuses to touch it.</summary>
public sealed class ResourceNotOwnedException(ResourceId resource)
    : Exception($"{resource} already exists and was not created by this job; it was left untouched.")
{
    public ResourceId Resource { get; } = resource;
}
