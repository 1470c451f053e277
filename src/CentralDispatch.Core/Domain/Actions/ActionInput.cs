namespace CentralDispatch.Core.Domain.Actions;

/// <summary>What an operator gives an action besides the instance; the page's form and the CLI's options follow from it.</summary>
public enum ActionInput
{
    /// <summary>Nothing: a button on the page, a bare verb in the CLI.</summary>
    None,
    /// <summary>A release name (<c>release</c>): the page's release field, the CLI's <c>--release</c>.</summary>
    Release,
    /// <summary>A certificate, key and chain (<c>certificatePem</c>, <c>keyPem</c>, <c>chainPem</c>): pasted or uploaded, the CLI's files.</summary>
    Certificate,
}
