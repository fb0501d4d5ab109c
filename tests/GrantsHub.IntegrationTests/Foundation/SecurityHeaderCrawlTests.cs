using System.Net;
using AngleSharp.Html.Parser;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// Walks every page a role can reach by following links from its home page, and checks each carries
/// the Content-Security-Policy, never fails, and has no inline script or style the policy would block.
/// </summary>
public sealed class SecurityHeaderCrawlTests(SharedApp app) : IClassFixture<SharedApp>
{
    private const int MaxPagesPerRole = 120;
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string?, string, int> Roles() => new()
    {
        { null, "/", 5 },
        { DemoDataSeeder.FunderEmail, "/funder", 15 },
        { DemoDataSeeder.Assessor1Email, "/assessor", 3 },
        { DemoDataSeeder.ApplicantEmail, "/organisation", 8 },
        { DemoDataSeeder.AdminEmail, "/platform", 3 },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task Every_page_reachable_by_a_role_carries_the_policy_and_needs_no_inline_script_or_style(string? user, string start, int atLeast)
    {
        using var client = user is null ? app.CreateBrowserlessClient() : await app.SignedInAsync(user);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        var queue = new Queue<string>([start]);
        var visited = new List<string>();

        while (queue.Count > 0 && visited.Count < MaxPagesPerRole)
        {
            var path = queue.Dequeue();
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            visited.Add(path);
            Assert.True((int)response.StatusCode < 500, $"{path} answered {(int)response.StatusCode}");
            Assert.True(response.Headers.TryGetValues("Content-Security-Policy", out var csp), $"{path} has no Content-Security-Policy");
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(csp));
            if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType != "text/html")
            {
                continue;
            }

            var html = await response.Content.ReadAsStringAsync();
            // A JSON data block (chart data) is never executed, so the policy does not apply to it.
            Assert.DoesNotMatch("<script(?![^>]*\\b(src=|type=\"application/json\"))[^>]*>", html);
            Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
            Assert.DoesNotMatch(" on[a-z]+=\"", html);
            var document = await Parser.ParseDocumentAsync(html);
            // Every form that posts carries its own antiforgery token, or its button fails for real users.
            foreach (var form in document.QuerySelectorAll("form").Where(f => string.Equals(f.GetAttribute("method"), "post", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(form.QuerySelector("input[name=__RequestVerificationToken]") is not null, $"{path}: the form posting to {form.GetAttribute("action")} has no antiforgery token");
            }

            foreach (var href in document.QuerySelectorAll("a[href]").Select(a => a.GetAttribute("href")!))
            {
                if (Followable(href) && seen.Add(href))
                {
                    queue.Enqueue(href);
                }
            }
        }

        Assert.True(visited.Count >= atLeast, $"Only {visited.Count} pages were reached from {start}: {string.Join(", ", visited)}");
    }

    /// <summary>
    /// Pages of this app; not sign-out, downloads or in-page anchors, nor Hangfire's job dashboard,
    /// which is not ours and has its own looser policy (see SecurityHeaders).
    /// </summary>
    private static bool Followable(string href) =>
        href.StartsWith('/') && !href.StartsWith("//", StringComparison.Ordinal)
        && !href.StartsWith("/admin/jobs", StringComparison.Ordinal)
        && !href.StartsWith("/account/sign-out", StringComparison.Ordinal)
        && !href.Contains("/attachments/", StringComparison.Ordinal)
        && !href.EndsWith(".csv", StringComparison.Ordinal) && !href.Contains(".csv?", StringComparison.Ordinal)
        && !href.Contains('#', StringComparison.Ordinal);
}
