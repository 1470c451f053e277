using CentralDispatch.Core.Domain;
using CentralDispatch.Worker.Provisioning.Plans;
using CentralDispatch.Worker.Provisioning.Resources;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// The Deploy plan: the exact reverse of the old seven-step manual back-out, with preflight and health check. Preflight
/// checks every resource its steps declare; the removal plans (BackOut, Decommission) adopt and remove the same ones.
/// </summary>
public sealed class DeployPlan : IJobPlan
{
    public const string Name = "Deploy";

    public DeployPlan(
        SecretsFileResource secretsFile,
        DatabaseUserResource databaseUser,
        DatabaseResource database,
        RestoredDumpResource restoredDump,
        ReleasesFolderResource releasesFolder,
        ReleaseTreeResource releaseTree,
        WebrootLinkResource webrootLink,
        CertificateFilesResource certificateFiles,
        VirtualHostResource virtualHost,
        SiteLinkResource siteLink,
        CronLineResource cronLine,
        ReloadWebServerStep reloadWebServer,
        HealthCheckStep healthCheck)
    {
        IProvisioningStep[] steps =
        [
            new ResourceStep(DeployStepNames.DatabaseUser, secretsFile, databaseUser),
            new ResourceStep(DeployStepNames.Database, database, restoredDump),
            new ResourceStep(DeployStepNames.Webroot, releasesFolder, releaseTree, webrootLink),
            new ResourceStep(DeployStepNames.Certificates, certificateFiles),
            new ResourceStep(DeployStepNames.VirtualHost, virtualHost),
            new ResourceStep(DeployStepNames.EnableSite, siteLink),
            reloadWebServer,
            new ResourceStep(DeployStepNames.Cron, cronLine),
            healthCheck,
        ];
        ResourceSteps = steps.OfType<ResourceStep>().ToList();
        Plan = new ProvisioningPlan(Name, [new PreflightStep(ResourceSteps), .. steps]);
    }

    public JobKind Kind => JobKind.Deploy;

    public ProvisioningPlan Plan { get; }

    /// <summary>The steps that make something, in Deploy order: what a removal by tags adopts, and removes in reverse.</summary>
    public IReadOnlyList<ResourceStep> ResourceSteps { get; }
}
