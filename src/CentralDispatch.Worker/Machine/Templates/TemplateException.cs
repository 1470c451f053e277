namespace CentralDispatch.Worker.Machine.Templates;

/// <summary>A template could not be rendered; the message names the template, the line and the placeholder.</summary>
public sealed class TemplateException(string message) : Exception(message);
