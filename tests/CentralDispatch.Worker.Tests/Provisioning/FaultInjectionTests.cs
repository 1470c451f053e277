using CentralDispatch.Worker.Provisioning.Engine;

namespace CentralDispatch.Worker.Tests.Provisioning;

// The parsing and where the switch is armed are tested here; that the switch really kills the worker at its point is
// tested end to end (tests/CentralDispatch.EndToEnd.Tests), where a whole `dispatch worker run` process can be killed.
public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Parse_IsOff_WhenTheVariableIsUnsetOrEmpty(string? value)
    {
        var fault = FaultInjection.Parse(value);

        Assert.False(fault.IsArmed);
        Assert.Equal("off", fault.ToString());
        Assert.All(Enum.GetValues<FaultPoint>(), point => Assert.False(fault.IsArmedFor(point, "Webroot"), $"armed for {point}"));
    }

    [Theory]
    [InlineData("before:Webroot", FaultPoint.BeforeApply, "Webroot")]
    [InlineData("after:DatabaseUser", FaultPoint.AfterVerify, "DatabaseUser")]
    [InlineData("after-journal:HealthCheck", FaultPoint.AfterJournal, "HealthCheck")]
    [InlineData("before-undo:Database", FaultPoint.BeforeUndo, "Database")]
    [InlineData("after-undo:DatabaseUser", FaultPoint.AfterUndo, "DatabaseUser")]
    [InlineData("after-finish:Deploy", FaultPoint.AfterFinish, "Deploy")]
    public void Parse_ArmsThePhaseAndStep_Given(string value, FaultPoint point, string step)
    {
        var fault = FaultInjection.Parse(value);

        Assert.True(fault.IsArmed);
        Assert.True(fault.IsArmedFor(point, step));
        Assert.Equal(value, fault.ToString());
    }

    [Fact]
    public void IsArmedFor_OnlyThePointAndStepItWasSetFor_NotAnotherPointOrStep()
    {
        var fault = FaultInjection.Parse("after:Webroot");

        Assert.True(fault.IsArmedFor(FaultPoint.AfterVerify, "Webroot"));
        Assert.False(fault.IsArmedFor(FaultPoint.BeforeApply, "Webroot"));
        Assert.False(fault.IsArmedFor(FaultPoint.AfterJournal, "Webroot"));
        Assert.False(fault.IsArmedFor(FaultPoint.AfterUndo, "Webroot"));
        Assert.False(fault.IsArmedFor(FaultPoint.AfterVerify, "Database"));
        Assert.False(fault.IsArmedFor(FaultPoint.AfterVerify, "webroot"));
        Assert.False(fault.IsArmedFor(FaultPoint.AfterVerify, "Webroot2"));
    }

    [Theory]
    [InlineData("Webroot")]
    [InlineData("during:Webroot")]
    [InlineData("before:")]
    [InlineData("BEFORE:Webroot")]
    public void Parse_Refuses_AValueThatIsSetButWrong_NamingTheVariable(string value)
    {
        var error = Assert.Throws<FaultInjectionException>(() => FaultInjection.Parse(value));

        Assert.StartsWith($"CD_FAULT_KILL='{value}' is not PHASE:STEP", error.Message, StringComparison.Ordinal);
    }
}
