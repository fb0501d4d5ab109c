using System.Diagnostics.Metrics;
using GrantsHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GrantsHub.Web.Infrastructure;

public sealed class KeptPageOptions
{
    public const string Section = "Pages";

    /// <summary>Keep the busiest signed-in pages until the data changes (on by default; off to measure a page drawn afresh).</summary>
    public bool KeepUntilChange { get; set; } = true;

    /// <summary>The most memory all kept pages may take on one instance, in bytes; the least used go first.</summary>
    public long KeptBytesLimit { get; set; } = 64L * 1024 * 1024;
}

/// <summary>A finished page: its bytes and the response headers that belong to it.</summary>
public sealed record KeptPage(byte[] Body, string ContentType, string? CacheControl, string? Pragma);

/// <summary>The kept pages of one instance, bounded in memory.</summary>
public sealed class KeptPageStore(IOptions<KeptPageOptions> options) : IDisposable
{
    private readonly MemoryCache _pages = new(new MemoryCacheOptions { SizeLimit = options.Value.KeptBytesLimit });

    public bool TryGet(string key, out KeptPage? page) => _pages.TryGetValue(key, out page);

    public void Keep(string key, KeptPage page) =>
        _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Body.Length + (key.Length * 2L), AbsoluteExpirationRelativeToNow = KeptUntilChange.AtMost });

    public void Dispose() => _pages.Dispose();
}

/// <summary>
/// Counts the views of kept pages: sent as kept, or drawn afresh (the first view after a change, or after the minute).
/// Their share on a real instance is what tells whether keeping pays there; a load tool cannot say (docs/performance.md).
/// Read it with <c>dotnet-counters monitor -n GrantsHub.Web --counters GrantsHub.Pages</c>, or any metrics exporter.
/// </summary>
public sealed class KeptPageMetrics
{
    public const string MeterName = "GrantsHub.Pages";
    public const string ViewsName = "grantshub.kept_pages.views";

    private readonly Counter<long> _views;

    public KeptPageMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _views = meter.CreateCounter<long>(ViewsName, unit: "{view}",
            description: "Views of the pages kept until the data changes, by page and by outcome: kept (sent as kept) or drawn (drawn afresh).");
    }

    public void Viewed(RouteValueDictionary route, bool kept)
    {
        if (_views.Enabled) // nobody listening: not even the page's name is put together
        {
            _views.Add(1, new KeyValuePair<string, object?>("page", $"{route["controller"]}.{route["action"]}"),
                new KeyValuePair<string, object?>("outcome", kept ? "kept" : "drawn"));
        }
    }
}

/// <summary>
/// Keeps a signed-in GET page, as sent, until anything in the database changes, and sends it again from memory
/// meanwhile. The key holds everything the page can depend on:
/// <list type="bullet">
/// <item>the address with its query, and the host;</item>
/// <item>the person (so nobody is ever sent a page drawn for someone else; authorisation ran when it was drawn, and a
/// change of anyone's rights is itself a change);</item>
/// <item>the browser's antiforgery cookie (so the forms on a kept page carry tokens valid for that browser);</item>
/// <item>the data's version (the newest <see cref="DataChange"/>: every save adds one, in its own transaction, on any
/// instance), so a change made anywhere is shown at once;</item>
/// <item>the minute, so what depends on the time (a round that has just closed, a date that is now overdue) is drawn
/// again at least every minute; deadlines are set to the minute.</item>
/// </list>
/// Nothing is kept or reused for a response that sets a cookie, a request carrying a one-off message (TempData), an
/// error, or anything but HTML. Applied with <see cref="KeepUntilDataChangesAttribute"/> to the busiest read pages.
/// One bound: on PostgreSQL an id is handed out when its row is written but seen only when its transaction commits, so
/// when two saves overlap and the later id commits first, a page kept between the two commits can miss the earlier one
/// until the next change or the next minute, whichever comes first. Changes made outside the app are seen within
/// <see cref="KeptUntilChange.AtMost"/>.
/// </summary>
public sealed class KeptPageFilter(KeptPageStore store, KeptPageMetrics metrics, IOptions<KeptPageOptions> options, TimeProvider clock) : IAsyncResourceFilter
{
    public async Task OnResourceExecutionAsync(ResourceExecutingContext context, ResourceExecutionDelegate next)
    {
        var http = context.HttpContext;
        var request = http.Request;
        if (!options.Value.KeepUntilChange || !HttpMethods.IsGet(request.Method) || http.User.Identity?.IsAuthenticated != true
            || !request.Cookies.TryGetValue(CookieNames.Antiforgery, out var browser) || request.Cookies.ContainsKey(CookieNames.Flash))
        {
            await next();
            return;
        }

        var version = await http.RequestServices.GetRequiredService<GrantsHubDbContext>().DataVersionAsync();
        var minute = KeptUntilChange.MinuteOf(clock.GetUtcNow());
        var key = string.Join('\n', request.Host.Value, request.Path.Value, request.QueryString.Value, http.User.GetUserId(), browser,
            version.ToString(System.Globalization.CultureInfo.InvariantCulture), minute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (store.TryGet(key, out var kept) && kept is not null)
        {
            metrics.Viewed(context.RouteData.Values, kept: true);
            context.Result = new KeptPageResult(kept);
            return;
        }

        metrics.Viewed(context.RouteData.Values, kept: false);

        var response = http.Response;
        var original = response.Body;
        await using var buffer = new MemoryStream();
        response.Body = buffer;
        ResourceExecutedContext executed;
        try
        {
            executed = await next();
        }
        finally
        {
            response.Body = original;
        }

        if (executed.Exception is not null && !executed.ExceptionHandled)
        {
            return; // the error handler draws the error page; nothing partial is sent or kept
        }

        if (response.StatusCode == StatusCodes.Status200OK && SetsNoCookie(response)
            && response.ContentType is { } contentType && contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            store.Keep(key, new KeptPage(buffer.ToArray(), contentType, response.Headers.CacheControl, response.Headers.Pragma));
        }

        if (buffer.Length > 0) // an empty one (a 404) is left for the status-code pages to draw
        {
            buffer.Position = 0;
            response.ContentLength = buffer.Length;
            await buffer.CopyToAsync(original, http.RequestAborted);
        }
    }

    /// <summary>
    /// True when the response sets no cookie. Removing the one-off message cookie the request did not carry does not
    /// count: every page that can show a message says so, and replaying the page without it changes nothing.
    /// </summary>
    private static bool SetsNoCookie(HttpResponse response) =>
        response.Headers.SetCookie.All(c => c is not null && c.StartsWith(CookieNames.Flash + "=;", StringComparison.Ordinal));

    private sealed class KeptPageResult(KeptPage page) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context)
        {
            var response = context.HttpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = page.ContentType;
            response.ContentLength = page.Body.Length;
            if (page.CacheControl is not null)
            {
                response.Headers.CacheControl = page.CacheControl;
            }

            if (page.Pragma is not null)
            {
                response.Headers.Pragma = page.Pragma;
            }

            return response.Body.WriteAsync(page.Body, context.HttpContext.RequestAborted).AsTask();
        }
    }
}

/// <summary>Keeps this signed-in page until the data changes (see <see cref="KeptPageFilter"/>).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class KeepUntilDataChangesAttribute : Attribute, IFilterFactory
{
    public bool IsReusable => true;

    public IFilterMetadata CreateInstance(IServiceProvider serviceProvider) => ActivatorUtilities.CreateInstance<KeptPageFilter>(serviceProvider);
}
