namespace CentralDispatch.Worker.Provisioning;

/// <summary>The undo shared by the steps whose resources are plain files: delete it (gone already is fine).</summary>
public static class FileResources
{
    /// <exception cref="InvalidOperationException">The resource is not a file: the step never makes such a thing.</exception>
    public static Task DeleteAsync(ResourceId resource, string stepName)
    {
        ArgumentNullException.ThrowIfNull(resource);
        if (resource.Kind != ResourceKinds.File)
        {
            throw new InvalidOperationException($"{stepName} does not create {resource}.");
        }

        File.Delete(resource.Identifier);
        return Task.CompletedTask;
    }
}
