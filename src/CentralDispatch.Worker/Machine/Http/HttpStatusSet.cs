using System.Globalization;

namespace CentralDispatch.Worker.Machine.Http;

/// <summary>
/// The HTTP statuses a check accepts, written as a comma-separated list of codes (<c>200</c>), ranges (<c>200-299</c>)
/// and classes (<c>3xx</c>), e.g. <c>2xx,301,302</c>; every code between 100 and 599.
/// </summary>
public sealed class HttpStatusSet
{
    public const int Lowest = 100;
    public const int Highest = 599;

    private readonly IReadOnlyList<(int Low, int High)> _ranges;

    private HttpStatusSet(IReadOnlyList<(int Low, int High)> ranges) => _ranges = ranges;

    /// <summary>200 only: what a site's plain "is it up" check asks.</summary>
    public static HttpStatusSet Ok { get; } = new([(200, 200)]);

    /// <summary>The default of a health check: every success and every redirect (an application may send <c>/</c> to its installer).</summary>
    public static HttpStatusSet SuccessOrRedirect { get; } = new([(200, 299), (300, 399)]);

    public bool Contains(int status) => _ranges.Any(r => status >= r.Low && status <= r.High);

    /// <summary>The set, or null with <paramref name="problem"/> saying what is wrong in the operator's words.</summary>
    public static HttpStatusSet? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "must list at least one status, e.g. 2xx,3xx or 200-299,301,302";
            return null;
        }

        var ranges = new List<(int, int)>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (ParseItem(item) is not { } range)
            {
                problem = $"'{item}' is not a status (100-599), a range such as 200-299 or a class such as 3xx; write them separated by commas, e.g. 2xx,301,302";
                return null;
            }

            ranges.Add(range);
        }

        return new HttpStatusSet(ranges);
    }

    /// <summary>The list as it is written, classes as <c>2xx</c>: "2xx, 301".</summary>
    public override string ToString() => string.Join(", ", _ranges.Select(Format));

    private static (int, int)? ParseItem(string item)
    {
        if (item.Length == 3 && item.EndsWith("xx", StringComparison.OrdinalIgnoreCase) && item[0] is >= '1' and <= '5')
        {
            var low = (item[0] - '0') * 100;
            return (low, low + 99);
        }

        var dash = item.IndexOf('-', StringComparison.Ordinal);
        var first = Code(dash < 0 ? item : item[..dash].Trim());
        var last = dash < 0 ? first : Code(item[(dash + 1)..].Trim());
        return first is { } a && last is { } b && a <= b ? (a, b) : null;
    }

    private static int? Code(string text) =>
        text.Length == 3 && text.All(char.IsAsciiDigit) && int.Parse(text, CultureInfo.InvariantCulture) is var code and >= Lowest and <= Highest
            ? code
            : null;

    private static string Format((int Low, int High) range) =>
        range.Low == range.High ? Number(range.Low)
        : range.Low % 100 == 0 && range.High == range.Low + 99 ? $"{range.Low / 100}xx"
        : $"{Number(range.Low)}-{Number(range.High)}";

    private static string Number(int code) => code.ToString(CultureInfo.InvariantCulture);
}
