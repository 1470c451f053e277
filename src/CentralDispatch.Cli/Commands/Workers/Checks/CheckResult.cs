namespace CentralDispatch.Cli.Commands.Workers.Checks;

/// <summary>One item of `dispatch worker check`: what was tested, whether it passed, and what the operator needs to know.</summary>
public sealed record CheckResult(bool Passed, string Item, string Detail)
{
    public static CheckResult Pass(string item, string detail) => new(true, item, detail);

    public static CheckResult Fail(string item, string detail) => new(false, item, detail);

    public string Line => $"{(Passed ? "[pass]" : "[FAIL]")} {Item}: {CliErrors.OneLine(Detail)}";
}
