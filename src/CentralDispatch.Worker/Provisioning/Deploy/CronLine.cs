using CentralDispatch.Core.Contracts.Agent;
using CentralDispatch.Worker.Configuration;
using CentralDispatch.Worker.Machine.Cron;
using CentralDispatch.Worker.Machine.Templates;

namespace CentralDispatch.Worker.Provisioning.Deploy;

/// <summary>
/// The instance's cron line: the schedule and the rendered command template. Every value the template uses is checked
/// for what cron or the shell would misread (<see cref="CrontabLines.ValueProblem"/>), and so is the whole line, so
/// Preflight refuses a bad one before anything is made, and the Cron step never writes one.
/// </summary>
public static class CronLine
{
    public const string TemplateName = "Worker:Cron:CommandTemplate";

    /// <exception cref="TemplateException">A value, or the line, would change what the crontab means.</exception>
    public static string For(InstancePayload instance, WorkerOptions worker, InstanceLayout layout, TemplateRenderer templates)
    {
        ArgumentNullException.ThrowIfNull(worker);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(templates);
        var values = DeployTemplateValues.Site(instance, worker, layout, layout.Webroot);
        var line = $"{worker.Cron.Schedule} {templates.Render(worker.Cron.CommandTemplate, values, TemplateName, CrontabLines.ValueProblem)}";
        return CrontabLines.Problem(line) is { } problem ? throw new TemplateException($"{TemplateName}: {problem}.") : line;
    }
}
