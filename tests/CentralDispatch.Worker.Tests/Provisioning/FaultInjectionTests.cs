using CentralDispatch.Worker.Provisioning.Engine;

namespace CentralDispatch.Worker.Tests.Provisioning;

// Only the parsing is tested here; that the switch really kills the worker at its point is tested end to end
// (tests/CentralDispatch.EndToEnd.Tests), where a whole `dispatch worker run` process can be killed.
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
        fault.At(FaultPoint.BeforeApply, "Webroot"); // returns: nothing is armed
    }

    [Theory]
    [InlineData("before:Webroot")]
    [InlineData("after:DatabaseUser")]
    [InlineData("after-journal:HealthCheck")]
    [InlineData("before-undo:Database")]
    [InlineData("after-undo:DatabaseUser")]
    [InlineData("after-finish:Deploy")]
    public void Parse_ArmsThePhaseAndStep_Given(string value)
    {
        var fault = FaultInjection.Parse(value);

        Assert.True(fault.IsArmed);
        Assert.Equal(value, fault.ToString());
    }

    [Fact]
    public void At_DoesNothing_AtAnotherPointOrStep()
    {
        var fault = FaultInjection.Parse("after:Webroot");

        // A wrong match would kill this test process, which fails the run.
        fault.At(FaultPoint.BeforeApply, "Webroot");
        fault.At(FaultPoint.AfterJournal, "Webroot");
        fault.At(FaultPoint.AfterVerify, "Database");
        fault.At(FaultPoint.AfterVerify, "webroot");
        fault.At(FaultPoint.AfterUndo, "Webroot");
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
