namespace CentralDispatch.Dispatcher.Security;

/// <summary>How a sign-in attempt ended.</summary>
public enum SignInResult
{
    Success,
    Failed,
    LockedOut,
}
