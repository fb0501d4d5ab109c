using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Web.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Account;

[Collection(BrowserJourneysCollection.Name)]
public sealed class SignInTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    [Theory]
    [InlineData(DemoDataSeeder.FunderEmail, "/funder", "Northshire Council", "Community Mental Health Equality Fund")]
    [InlineData(DemoDataSeeder.Assessor1Email, "/assessor", "Your assessment queue", "To do")]
    [InlineData(DemoDataSeeder.Assessor2Email, "/assessor", "Your assessment queue", "To do")]
    [InlineData(DemoDataSeeder.ApplicantEmail, "/organisation", "Your organisation", "Mindful Together CIC")]
    [InlineData(DemoDataSeeder.Applicant2Email, "/organisation", "Your organisation", "Tyne Peer Support Network")]
    [InlineData(DemoDataSeeder.AdminEmail, "/platform", "Platform administration", null)]
    public async Task Demo_user_signs_in_through_the_form_and_lands_on_their_own_home_page(
        string email, string landingPath, string heading, string? sectionHeading)
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        await SignInAsync(page, email);

        await Expect(page).ToHaveURLAsync(App.BaseUrl + landingPath);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        if (sectionHeading is not null)
        {
            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = sectionHeading })).ToBeVisibleAsync();
        }

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "landing-" + email.Split('@')[0]);
    }

    [Fact]
    public async Task Signed_in_user_signs_out_and_sees_the_home_page()
    {
        var page = await NewPageAsync();
        await SignInAsync(page, DemoDataSeeder.ApplicantEmail);

        await SignOutAsync(page);

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("You have signed out.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Fair, open funding for community mental health");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Signed out for real: a private page sends the visitor back to sign in.
        await page.GotoAsync("/organisation");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_the_error_in_the_summary_and_beside_the_field()
    {
        const string Error = "The email address or password is not right";
        var page = await NewPageAsync();

        await Journeys.SubmitSignInFormAsync(page, DemoDataSeeder.Applicant2Email, "Not-the-password-1");

        var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
        await Expect(summary).ToBeVisibleAsync();
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = Error })).ToBeVisibleAsync();

        var emailField = page.Locator(".mb-3", new() { Has = page.GetByLabel("Email address") });
        await Expect(emailField.Locator(".field-validation-error")).ToHaveTextAsync(Error);
        await Expect(page.GetByLabel("Email address")).ToHaveValueAsync(DemoDataSeeder.Applicant2Email);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToHaveCountAsync(0);

        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "sign-in-wrong-password");
    }
}
