namespace CentralDispatch.Worker.Provisioning;

/// <summary>How <see cref="StepContext.CreateOrAdoptAsync"/> came to hold a resource.</summary>
public enum ResourceAcquisition
{
    /// <summary>Created just now.</summary>
    Created,

    /// <summary>Already there and journaled by this job (a resumed attempt): taken over, not created twice.</summary>
    Adopted,
}
