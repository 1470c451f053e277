namespace CentralDispatch.Dispatcher.Errors;

/// <summary>The caller is authenticated but may not touch this (403).</summary>
public sealed class ForbiddenException(string message) : Exception(message);
