using CentralDispatch.Core.Contracts;
using CentralDispatch.Core.Contracts.Instances;
using CentralDispatch.Core.Contracts.Workers;
using CentralDispatch.Dispatcher.Application;
using CentralDispatch.Dispatcher.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentralDispatch.Dispatcher.Web.Pages.Instances;

/// <summary>Managed instances: search, filter by state and worker, paged; the filters are the API's (InstanceService).</summary>
public sealed class IndexModel(InstanceService instances, WorkerService workers) : PageModel
{
    public const int PageSize = 25;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Worker { get; set; }

    // Not "page": Razor Pages routes by a value of that name.
    [BindProperty(SupportsGet = true, Name = "p")]
    public int PageNumber { get; set; } = 1;

    public Page<InstanceResponse> Results { get; private set; } = new([], 0, 1, PageSize);
    public IReadOnlyList<WorkerResponse> Workers { get; private set; } = [];
    public int PageCount => Math.Max(1, (Results.Total + PageSize - 1) / PageSize);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Workers = await workers.ListAsync(cancellationToken);
        try
        {
            Results = await instances.ListAsync(new InstanceQuery(State, Worker, Search, Page: PageNumber, PageSize: PageSize), cancellationToken);
        }
        catch (RequestValidationException e)
        {
            ModelState.AddFieldErrors(e.Errors, "Filter");
        }
    }

    /// <summary>The link to another page of the same filtered list.</summary>
    public string PageLink(int page)
    {
        var query = QueryString.Create(new Dictionary<string, string?>
        {
            ["q"] = Search,
            ["state"] = State,
            ["worker"] = Worker,
            ["p"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
        return "/instances" + query.ToUriComponent();
    }
}
