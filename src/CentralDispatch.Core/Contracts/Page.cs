namespace CentralDispatch.Core.Contracts;

/// <summary>One page of a list; <see cref="Total"/> counts all matches.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int Total, int PageNumber, int PageSize);
