using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class SecurityHeaderTests(SharedApp app) : IClassFixture<SharedApp>
{
    public static TheoryData<string?, string> Pages() => new()
    {
        { null, "/" },
        { null, "/rounds" },
        { null, "/account/sign-in" },
        { null, "/account/register" },
        { null, "/no-such-page" },
        { null, "/css/site.css" },
        { DemoDataSeeder.FunderEmail, "/funder" },
        { DemoDataSeeder.FunderEmail, "/funder/programmes/new" },
        { DemoDataSeeder.ApplicantEmail, "/organisation" },
        { DemoDataSeeder.ApplicantEmail, "/funder" },
        { DemoDataSeeder.Assessor1Email, "/assessor" },
        { DemoDataSeeder.AdminEmail, "/platform" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_response_carries_a_content_security_policy_without_inline_script(string? user, string path)
    {
        using var client = user is null ? app.CreateBrowserlessClient() : await app.SignedInAsync(user);
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, csp);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain(" style=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_an_https_proxy_cookies_are_secure_and_hsts_is_sent()
    {
        using var client = app.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Host = "grants.example.org"; // HSTS is never sent to localhost
        var response = await client.SendAsync(request);

        Assert.Contains("max-age=", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), c => Assert.Contains("secure", c, StringComparison.OrdinalIgnoreCase));
    }
}
