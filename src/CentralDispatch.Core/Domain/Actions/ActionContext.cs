using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Domain.Actions;

/// <summary>What an action's arguments are made from when it is queued.</summary>
/// <param name="Instance">The instance, whose state already allows the action.</param>
/// <param name="Request">The request's body, if any.</param>
/// <param name="PreviousArguments">The stored arguments of the instance's latest job of the same kind, if any.</param>
/// <param name="Now">The dispatcher's clock.</param>
/// <param name="Protect">Encrypts a validated certificate's private key for the store.</param>
/// <param name="Errors">Where the arguments' problems go, keyed by the request's field; any refuses the request.</param>
public sealed record ActionContext(
    ManagedInstance Instance,
    InstanceActionRequest? Request,
    string? PreviousArguments,
    DateTimeOffset Now,
    Func<ValidatedTls, TlsMaterial> Protect,
    FieldErrors Errors);
