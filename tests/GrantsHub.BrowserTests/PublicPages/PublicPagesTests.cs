using GrantsHub.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.PublicPages;

[Collection(BrowserJourneysCollection.Name)]
public sealed class PublicPagesTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Stylesheet_is_served_with_a_body_and_styles_the_pages()
    {
        var page = await NewPageAsync();

        // A test host can answer static assets with 200 and an empty body; insist on the real file.
        var response = await page.GotoAsync("/css/site.css");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/css", response.Headers["content-type"], StringComparison.Ordinal);
        var css = await response.TextAsync();
        Assert.Contains(".gh-navbar", css, StringComparison.Ordinal);

        await page.GotoAsync("/");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToHaveCSSAsync("background-color", "rgb(29, 78, 137)");
    }

    [Fact]
    public async Task Home_page_introduces_GrantsHub_and_passes_the_accessibility_check()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fair, open funding for community mental health");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "See open funding rounds" })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "home");
    }

    [Fact]
    public async Task Rounds_page_lists_the_open_rounds_and_passes_the_accessibility_check()
    {
        var page = await NewPageAsync();

        await page.GotoAsync("/rounds");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Open funding rounds");
        await Expect(page.GetByRole(AriaRole.Article)).Not.ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "rounds");
    }
}
