using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Support;

/// <summary>
/// Drives the app the way a browser without JavaScript would: GET a page, read its form's
/// antiforgery token, POST the fields back with the cookies.
/// </summary>
public static class FormClient
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        return await Parser.ParseDocumentAsync(html);
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// GETs <paramref name="pageUrl"/>, then posts to <paramref name="action"/> what a browser would:
    /// the hidden fields of the page's form for that action (antiforgery token, version), overridden by <paramref name="fields"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SubmitFormAsync(this HttpClient client, string pageUrl, string action, IDictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(pageUrl);
        var path = action.Split('?')[0];
        // The form posted to that action (a search form on the same page may share it, by GET).
        var form = page.QuerySelectorAll("form")
            .Where(f => f.GetAttribute("action")?.Split('?')[0] == path)
            .OrderBy(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase) ? 0 : 1)
            .FirstOrDefault();
        var hidden = (form ?? (AngleSharp.Dom.IElement)page.DocumentElement).QuerySelectorAll("input[type=hidden]")
            .Where(i => i.GetAttribute("name") is not null)
            .GroupBy(i => i.GetAttribute("name")!)
            .ToDictionary(g => g.Key, g => g.First().GetAttribute("value") ?? "");
        if (!hidden.ContainsKey("__RequestVerificationToken"))
        {
            hidden["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
                ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
        }

        var body = new Dictionary<string, string>(hidden);
        foreach (var (key, value) in fields)
        {
            body[key] = value;
        }
        using var content = new FormUrlEncodedContent(body);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = DemoDataSeeder.Password)
    {
        var response = await client.SubmitFormAsync("/account/sign-in", "/account/sign-in", new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
        });
        return response;
    }

    public static async Task<HttpClient> SignedInAsync(this GrantsHubFactory factory, string email, string password = DemoDataSeeder.Password)
    {
        var client = factory.CreateBrowserlessClient();
        var response = await client.SignInAsync(email, password);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as {email} failed with {(int)response.StatusCode}.");
        }

        return client;
    }

    /// <summary>The messages in the error summary, as a user reads them.</summary>
    public static IReadOnlyList<string> ErrorSummary(this IHtmlDocument document) =>
        document.QuerySelectorAll("[data-error-summary] li").Select(li => li.TextContent.Trim()).ToList();

    /// <summary>The message shown beside a field.</summary>
    public static string? FieldError(this IHtmlDocument document, string field) =>
        document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent.Trim();
}
