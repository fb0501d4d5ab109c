using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// A form token is made once for a browser and a person and reused on their later pages (see
/// <see cref="ReusedRequestTokens"/>): it must still be accepted, never serve another person or a forged cookie, and
/// never let a page carrying it be stored.
/// </summary>
public sealed class FormTokenTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static async Task<(string Token, HttpResponseMessage Response)> TokenOnAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = await response.ReadDocumentAsync();
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
        return (token ?? throw new InvalidOperationException($"{path} has no form token."), response);
    }

    private static async Task<HttpResponseMessage> SignOutWithAsync(HttpClient client, string token)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
        return await client.PostAsync(new Uri("/account/sign-out", UriKind.Relative), form);
    }

    [Fact]
    public async Task A_signed_in_persons_pages_carry_one_token_that_is_accepted_and_the_pages_are_never_stored()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var (first, _) = await TokenOnAsync(funder, "/privacy");
        var (second, response) = await TokenOnAsync(funder, "/funders");

        Assert.Equal(first, second);
        Assert.True(response.Headers.CacheControl is { NoCache: true, NoStore: true }, $"Cache-Control was {response.Headers.CacheControl}");
        Assert.Contains("no-cache", response.Headers.Pragma.Select(p => p.Name));
        var signedOut = await SignOutWithAsync(funder, second);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var afterwards = await funder.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        Assert.Equal("/account/sign-in", afterwards.Headers.Location!.AbsolutePath);
    }

    [Fact]
    public async Task The_next_person_in_the_same_browser_gets_a_token_of_their_own_and_the_last_persons_is_refused()
    {
        using var browser = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var (firstPersons, _) = await TokenOnAsync(browser, "/privacy");
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutWithAsync(browser, firstPersons)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync(DemoDataSeeder.Applicant2Email)).StatusCode);

        var (nextPersons, _) = await TokenOnAsync(browser, "/privacy");

        Assert.NotEqual(firstPersons, nextPersons);
        Assert.Equal(HttpStatusCode.BadRequest, (await SignOutWithAsync(browser, firstPersons)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await SignOutWithAsync(browser, nextPersons)).StatusCode);
    }

    [Fact]
    public async Task A_forged_antiforgery_cookie_is_replaced_every_time_and_never_given_a_reused_token()
    {
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var tokens = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sign-in");
            request.Headers.Add("Cookie", $"{CookieNames.Antiforgery}=forged-by-somebody-else");
            using var response = await client.SendAsync(request);

            Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(CookieNames.Antiforgery + "=", StringComparison.Ordinal));
            tokens.Add((await response.ReadDocumentAsync()).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!);
        }

        Assert.NotEqual(tokens[0], tokens[1]);
    }

    [Fact]
    public async Task A_form_too_large_to_read_gets_the_bad_request_page_not_a_broken_response()
    {
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var (token, _) = await TokenOnAsync(funder, "/privacy");
        var fields = Enumerable.Range(0, 1_100).Select(i => KeyValuePair.Create($"Rows[{i}].Value", "x")).Append(KeyValuePair.Create("__RequestVerificationToken", token));
        using var form = new FormUrlEncodedContent(fields);

        var response = await funder.PostAsync(new Uri("/account/sign-out", UriKind.Relative), form);

        // More values than the server reads (1,024): the error page is re-run for the same request, and must not read its form.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Something was wrong with that request", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent.Trim());
    }
}
