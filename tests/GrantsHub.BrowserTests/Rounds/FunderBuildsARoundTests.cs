using System.Globalization;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Rounds;

[Collection(BrowserJourneysCollection.Name)]
public sealed class FunderBuildsARoundTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Fact]
    public async Task Funder_builds_a_round_with_a_ring_fence_four_question_types_and_criteria_and_opens_it()
    {
        var title = $"Peer Support Fund {DateTime.UtcNow:HHmmss}";
        var page = await NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };
        await SignInAsync(page, DemoDataSeeder.FunderEmail);

        // Details
        await page.GetByRole(AriaRole.Link, new() { Name = "Add a round to Community Mental Health Equality Fund" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("New round");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var now = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, UkTime.Zone);
        await page.GetByLabel("Title").FillAsync(title);
        await page.GetByLabel("Description (Markdown)").FillAsync("Funding for **peer support** groups.");
        await page.GetByLabel("Opens (UK time)").FillAsync(now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        await page.GetByLabel("Closes (UK time)").FillAsync(now.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T12:00");
        await page.GetByLabel("Round budget (£)").FillAsync("100,000");
        await page.GetByLabel("Minimum grant (£)").FillAsync("2000");
        await page.GetByLabel("Maximum grant (£)").FillAsync("60000");
        await page.GetByLabel("Longest grant (months, up to 36)").FillAsync("80");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft round" }).ClickAsync();

        // A mistake is explained, then fixed.
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Grants can last from 1 to 36 months");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Longest grant (months, up to 36)").FillAsync("36");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create draft round" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(title);
        await Expect(page.Locator(".status-badge").First).ToHaveTextAsync("Draft");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var overview = page.Url;

        // Who can apply
        await page.GetByRole(AriaRole.Link, new() { Name = "Change who can apply" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("user-led", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("community-led", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save who can apply" }).ClickAsync();
        await Expect(page.GetByText("Organisations that are user-led, community-led")).ToBeVisibleAsync();

        // A ring-fenced pot
        await page.GetByRole(AriaRole.Link, new() { Name = "Change ring-fenced pots" }).ClickAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Name of the pot").FillAsync("Led by people with lived experience");
        await page.GetByLabel("Percentage or amount").FillAsync("25");
        await page.GetByLabel("Who qualifies").SelectOptionAsync("LedByLivedExperience");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add pot" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Row, new() { Name = "Led by people with lived experience" })).ToContainTextAsync("£25,000");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The form: a section and four question types
        await page.GotoAsync(overview + "/form");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Section title").FillAsync("Your work");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add section" }).ClickAsync();
        (string Text, string Type, string? Options)[] questions =
        [
            ("What is your project called locally?", "ShortText", null),
            ("Tell us about the people you support", "LongText", null),
            ("How often do you meet?", "SingleChoice", "Weekly\nMonthly\nLess often"),
            ("Do you have a safeguarding policy?", "YesNo", null),
        ];
        foreach (var (text, type, options) in questions)
        {
            await page.GetByRole(AriaRole.Link, new() { Name = "Add a question to Your work" }).ClickAsync();
            await page.GetByLabel("Question", new() { Exact = true }).FillAsync(text);
            await page.GetByLabel("Type of answer").SelectOptionAsync(type);
            if (type == "LongText")
            {
                await page.GetByLabel("Word limit (long text)").FillAsync("300");
            }

            if (options is not null)
            {
                await page.GetByLabel("Options, one a line (single and multiple choice)").FillAsync(options);
            }

            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "Save question" }).ClickAsync();
            await Expect(page.GetByText(text, new() { Exact = true })).ToBeVisibleAsync();
        }

        await Expect(page.Locator("ol.list-group li")).ToHaveCountAsync(4);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "funder-form-builder");

        // Criteria
        await page.GotoAsync(overview + "/criteria");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Criterion 1 name").FillAsync("Need and reach");
        await page.GetByLabel("Criterion 1 weight").FillAsync("60");
        await page.GetByLabel("Criterion 2 name").FillAsync("Lived experience leadership");
        await page.GetByLabel("Criterion 2 weight").FillAsync("40");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save criteria" }).ClickAsync();
        await Expect(page.GetByText("Need and reach (60), Lived experience leadership (40)")).ToBeVisibleAsync();

        // Publish: it opens at once, since its opening time has passed.
        await page.GetByRole(AriaRole.Button, new() { Name = "Publish the round" }).ClickAsync();
        await Expect(page.Locator(".status-badge").First).ToHaveTextAsync("Open");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "funder-round-published");

        // Anyone can now find it.
        var visitor = await NewPageAsync();
        await visitor.GotoAsync("/rounds");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = title })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(visitor);
        Assert.Empty(cspErrors);
    }
}
