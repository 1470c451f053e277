namespace CentralDispatch.Core.Contracts.Agent;

/// <summary>Every call after a claim carries the attempt and lease token it holds (the fence).</summary>
public interface ILeasedRequest
{
    int Attempt { get; }
    Guid LeaseToken { get; }
}
