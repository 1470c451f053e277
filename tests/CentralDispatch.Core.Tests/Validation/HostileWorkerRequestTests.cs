using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

/// <summary>Every hostile value in every field of a worker registration is refused, with the error on that field.</summary>
public sealed class HostileWorkerRequestTests
{
    private static readonly Dictionary<string, (string Valid, Func<RegisterWorkerRequest, string, RegisterWorkerRequest> With)> Fields = new(StringComparer.Ordinal)
    {
        ["name"] = ("web-1", (r, v) => r with { Name = v }),
        ["hostUrl"] = ("https://web1.example.com", (r, v) => r with { HostUrl = v }),
        ["installPath"] = ("/srv/www", (r, v) => r with { InstallPath = v }),
        ["labels"] = ("region=eu", (r, v) => r with { Labels = ["ssd", v] }),
    };

    public static TheoryData<string, string> Cases() => HostileInputs.Cases(Fields.Keys, IsAcceptedByDesign);

    [Fact]
    public void Validate_AcceptsTheValidRequestTheCorpusStartsFromTest()
    {
        var errors = new FieldErrors();

        Assert.NotNull(WorkerRequestValidator.Validate(ValidRequest(), errors));
        Assert.True(errors.IsEmpty, errors.ToString());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_RefusesHostileValueWithAnErrorOnItsFieldTest(string field, string entry)
    {
        var (valid, with) = Fields[field];
        var request = with(ValidRequest(), HostileInputs.Apply(entry, valid));
        var errors = new FieldErrors();

        var result = WorkerRequestValidator.Validate(request, errors);

        Assert.Null(result);
        Assert.Equal([field], errors.Fields);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(int.MinValue)]
    [InlineData(WorkerRequestValidator.MaxCapacity + 1)]
    [InlineData(int.MaxValue)]
    public void Validate_RefusesCapacityOutOfRangeTest(int capacity)
    {
        var errors = new FieldErrors();

        Assert.Null(WorkerRequestValidator.Validate(ValidRequest() with { Capacity = capacity }, errors));
        Assert.Equal(["capacity"], errors.Fields);
    }

    private static RegisterWorkerRequest ValidRequest() => new("web-1", "https://web1.example.com", "/srv/www", ["ssd", "region=eu"], 10);

    /// <summary>Values the rules accept on purpose; each exception says why.</summary>
    private static bool IsAcceptedByDesign(string field, string entry) => field switch
    {
        // Linux folder names are case-sensitive and may contain "--": "/srv/Sites" and "/srv/www--old" are real folders.
        "installPath" => entry is "upper-case" or "upper-last-letter" or "sql-comment",
        _ => false,
    };
}
