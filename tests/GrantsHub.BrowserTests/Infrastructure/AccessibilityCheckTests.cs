using Xunit.Abstractions;
using Xunit.Sdk;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>The accessibility check must really fail, or every journey's check means nothing.</summary>
[Collection(BrowserJourneysCollection.Name)]
public sealed class AccessibilityCheckTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Accessibility_check_fails_on_a_critical_violation_naming_the_rule_and_element()
    {
        var failure = await CheckFailureOnAsync("""<img id="no-alt" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">""");

        Assert.Contains("image-alt (critical)", failure, StringComparison.Ordinal);
        Assert.Contains("#no-alt", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accessibility_check_fails_on_a_radio_button_drawn_away_from_its_label()
    {
        var failure = await CheckFailureOnAsync("""
            <fieldset><legend>Choose</legend>
            <div><input type="radio" id="near" name="c"><label for="near">Near its label</label></div>
            <div><input type="radio" id="far" name="c" style="float: right"><label for="far">Far from its label</label></div>
            </fieldset>
            """);

        Assert.Contains("#far", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("#near", failure, StringComparison.Ordinal);
    }

    /// <summary>The message the check fails with on a page whose main content is <paramref name="content"/>.</summary>
    private async Task<string> CheckFailureOnAsync(string content)
    {
        var page = await NewPageAsync();
        await page.SetContentAsync($"""
            <!DOCTYPE html>
            <html lang="en-GB"><head><title>Broken</title></head>
            <body><main><h1>Broken</h1>{content}</main></body></html>
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => Accessibility.AssertNoSeriousViolationsAsync(page));
        return failure.Message;
    }
}
