using CentralDispatch.Core.Domain;

namespace CentralDispatch.Core.Tests.Domain;

public sealed class WorkerTests
{
    private static readonly DateTimeOffset Now = new(2030, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Register_StartsEnrolledAndTakesNoInstancesTest()
    {
        var worker = Registered();

        Assert.Equal(WorkerState.Enrolled, worker.State);
        Assert.Null(worker.LastSeenAt);
        Assert.False(worker.AcceptsNewInstances);
    }

    [Theory]
    [InlineData(WorkerState.Enrolled)]
    [InlineData(WorkerState.Offline)]
    public void MarkSeen_BringsTheWorkerOnlineTest(WorkerState from)
    {
        var worker = InState(from);

        worker.MarkSeen(Now.AddMinutes(10), "1.2.3");

        Assert.Equal(WorkerState.Online, worker.State);
        Assert.Equal(Now.AddMinutes(10), worker.LastSeenAt);
        Assert.Equal("1.2.3", worker.AgentVersion);
        Assert.True(worker.AcceptsNewInstances);
    }

    [Fact]
    public void MarkSeen_KeepsADrainingWorkerDrainingTest()
    {
        var worker = InState(WorkerState.Draining);

        worker.MarkSeen(Now.AddMinutes(10));

        Assert.Equal(WorkerState.Draining, worker.State);
        Assert.Equal(Now.AddMinutes(10), worker.LastSeenAt);
        Assert.False(worker.AcceptsNewInstances);
    }

    [Fact]
    public void MarkSeen_KeepsTheKnownAgentVersionWhenNoneIsGivenTest()
    {
        var worker = Registered();
        worker.MarkSeen(Now, "1.2.3");

        worker.MarkSeen(Now.AddMinutes(1));

        Assert.Equal("1.2.3", worker.AgentVersion);
    }

    [Fact]
    public void MarkOfflineIfSilent_TakesASilentOnlineWorkerOfflineTest()
    {
        var worker = InState(WorkerState.Online);

        Assert.True(worker.MarkOfflineIfSilent(Now.AddTicks(1)));
        Assert.Equal(WorkerState.Offline, worker.State);
        Assert.False(worker.AcceptsNewInstances);
    }

    [Fact]
    public void MarkOfflineIfSilent_LeavesAWorkerSeenSinceOnlineTest()
    {
        var worker = InState(WorkerState.Online);

        Assert.False(worker.MarkOfflineIfSilent(Now));
        Assert.False(worker.MarkOfflineIfSilent(Now.AddMinutes(-1)));
        Assert.Equal(WorkerState.Online, worker.State);
    }

    [Theory]
    [InlineData(WorkerState.Enrolled)]
    [InlineData(WorkerState.Offline)]
    [InlineData(WorkerState.Draining)]
    public void MarkOfflineIfSilent_ChangesOnlyOnlineWorkersTest(WorkerState state)
    {
        var worker = InState(state);

        Assert.False(worker.MarkOfflineIfSilent(Now.AddDays(1)));
        Assert.Equal(state, worker.State);
    }

    [Theory]
    [InlineData(WorkerState.Enrolled)]
    [InlineData(WorkerState.Online)]
    [InlineData(WorkerState.Offline)]
    [InlineData(WorkerState.Draining)]
    public void Drain_StopsNewPlacementsFromAnyStateTest(WorkerState state)
    {
        var worker = InState(state);

        worker.Drain();

        Assert.Equal(WorkerState.Draining, worker.State);
        Assert.False(worker.AcceptsNewInstances);
    }

    [Fact]
    public void RotateToken_ReplacesTheStoredHashTest()
    {
        var worker = Registered();

        worker.RotateToken("new-hash");

        Assert.Equal("new-hash", worker.TokenHash);
    }

    private static Worker Registered() =>
        Worker.Register("web-1", "https://web1.example.com", "/var/www", ["region=eu"], 10, "hash", Now.AddDays(-1));

    private static Worker InState(WorkerState state)
    {
        var worker = Registered();
        switch (state)
        {
            case WorkerState.Online:
                worker.MarkSeen(Now);
                break;
            case WorkerState.Offline:
                worker.MarkSeen(Now.AddHours(-1));
                worker.MarkOfflineIfSilent(Now.AddMinutes(-30));
                break;
            case WorkerState.Draining:
                worker.MarkSeen(Now);
                worker.Drain();
                break;
        }

        Assert.Equal(state, worker.State);
        return worker;
    }
}
