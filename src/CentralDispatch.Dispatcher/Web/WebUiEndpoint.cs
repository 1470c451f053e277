namespace CentralDispatch.Dispatcher.Web;

/// <summary>Marks the web UI's endpoints (pages, live stream): they use the session cookie and redirect to sign-in.</summary>
public sealed class WebUiEndpoint;
