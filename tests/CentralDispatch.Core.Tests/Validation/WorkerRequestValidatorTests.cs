using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Core.Validation;

namespace CentralDispatch.Core.Tests.Validation;

public sealed class WorkerRequestValidatorTests
{
    private readonly FieldErrors _errors = new();

    [Fact]
    public void Validate_FillsDefaultsForAMinimalRequestTest()
    {
        var valid = WorkerRequestValidator.Validate(new RegisterWorkerRequest("web-1", "https://web1.example.com"), _errors);

        Assert.NotNull(valid);
        Assert.Equal(InstallPathRule.Default, valid.InstallPath);
        Assert.Equal(WorkerRequestValidator.DefaultCapacity, valid.Capacity);
        Assert.Empty(valid.Labels);
    }

    [Fact]
    public void Validate_DropsTheTrailingSlashOfTheHostUrlTest()
    {
        var valid = WorkerRequestValidator.Validate(new RegisterWorkerRequest("web-1", "https://web1.example.com/"), _errors);

        Assert.Equal("https://web1.example.com", valid?.HostUrl);
    }

    [Fact]
    public void Validate_AcceptsWorkerNameThatIsReservedForInstancesTest()
    {
        Assert.NotNull(WorkerRequestValidator.Validate(new RegisterWorkerRequest("www", "https://www.example.com"), _errors));
    }

    [Fact]
    public void Validate_RefusesMissingBodyTest()
    {
        Assert.Null(WorkerRequestValidator.Validate(null, _errors));
        Assert.Equal(["body"], _errors.Fields);
    }

    [Fact]
    public void Validate_NamesEveryBadFieldAtOnceTest()
    {
        var request = new RegisterWorkerRequest("Web 1", "ftp://x", "/etc", ["EU"], 0);

        Assert.Null(WorkerRequestValidator.Validate(request, _errors));
        Assert.Equal(["capacity", "hostUrl", "installPath", "labels", "name"], _errors.Fields.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Validate_RefusesEmptyInstallPathRatherThanDefaultingItTest()
    {
        Assert.Null(WorkerRequestValidator.Validate(new RegisterWorkerRequest("web-1", "https://web1.example.com", ""), _errors));
        Assert.Equal(["installPath"], _errors.Fields);
    }
}
