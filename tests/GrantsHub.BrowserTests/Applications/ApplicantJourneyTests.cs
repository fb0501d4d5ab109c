using System.Text;
using System.Text.RegularExpressions;
using GrantsHub.BrowserTests.Infrastructure;
using GrantsHub.Domain.Applications;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace GrantsHub.BrowserTests.Applications;

[Collection(BrowserJourneysCollection.Name)]
public sealed partial class ApplicantJourneyTests(AppServer app, Browser browser, ITestOutputHelper output) : BrowserTest(app, browser, output)
{
    private const string RoundTitle = "Equality Fund 2026: Round 2";
    private const string WhatWillYouDo = "What will you do with this funding?";
    private const string Communities = "Which communities will you reach?";
    private const string HowManyPeople = "How many people will you support each year?";
    private const string LivedExperience = "Is your organisation led by people with lived experience of mental ill-health?";
    private const string WhenDidYouStart = "When did you start this work? (optional)";
    private const string Accounts = "Your latest accounts or a budget (optional)";
    private const string Plan = "Weekly peer support groups in three community centres, run by volunteers with lived experience.";

    [Fact]
    public async Task Applicant_registers_fails_then_passes_eligibility_saves_returns_uploads_and_submits()
    {
        var stamp = DateTime.UtcNow.ToString("HHmmssfff", System.Globalization.CultureInfo.InvariantCulture);
        var email = $"new-applicant-{stamp}@grantshub.test";
        const string Password = "Journey-Pass-2026";
        var organisationName = $"Riverside Listening Group {stamp}";
        var projectTitle = $"Peer listening circles {stamp}";
        var page = await NewPageAsync();

        // Register a new organisation: an unincorporated group that is neither user-led nor community-led.
        await page.GotoAsync("/account/register");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Register your organisation");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Your full name").FillAsync("Alex Morgan");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await page.GetByLabel("Confirm password").FillAsync(Password);
        await page.GetByLabel("Organisation name").FillAsync(organisationName);
        await page.GetByLabel("Legal form").SelectOptionAsync(new SelectOptionValue { Label = "Unincorporated group or association" });
        await Expect(page.GetByLabel("We are user-led", new() { Exact = false })).Not.ToBeCheckedAsync();
        await Expect(page.GetByLabel("We are community-led", new() { Exact = false })).Not.ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(App.BaseUrl + "/organisation");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 2, Name = organisationName })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The round page, then Apply: not eligible, with the organisation-type rule explained.
        await page.GotoAsync("/rounds");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = RoundTitle }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync(RoundTitle);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ApplyPage());
        var applyUrl = page.Url;
        var failures = page.Locator("[data-eligibility-failures]");
        await Expect(failures.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"{organisationName} cannot apply to this round yet");
        await Expect(failures.GetByRole(AriaRole.Listitem).Filter(new() { HasText = "Organisation type" }))
            .ToContainTextAsync($"This round is open only to organisations that are: user-led, community-led. Your profile says {organisationName} is none of these.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Start your application" })).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-not-eligible");

        // Put the profile right: user-led, with an income band under £1m.
        await failures.GetByRole(AriaRole.Link, new() { Name = "update your organisation profile" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Edit your organisation profile");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("We are user-led: run and controlled by the people who use our services").CheckAsync();
        await page.GetByLabel("Annual income").SelectOptionAsync(new SelectOptionValue { Label = "£10,000 to £50,000" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the profile" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(ProfilePage());
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Apply again: eligible, and the application starts on its task list.
        await page.GotoAsync(applyUrl);
        await Expect(page.Locator("[data-eligible]").GetByRole(AriaRole.Heading)).ToHaveTextAsync($"{organisationName} can apply");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your application" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(TaskListPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync($"Your application to {RoundTitle}");
        await ExpectTaskStatusAsync(page, "Your project", "Not started");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-task-list-new");
        var taskListUrl = page.Url;

        // Your project, then part of "About your work", saved for later.
        await FillProjectAsync(page, projectTitle);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("About your work");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel(WhatWillYouDo).FillAsync(Plan);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to task list" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(taskListUrl);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your answers have been saved." })).ToBeVisibleAsync();
        await ExpectTaskStatusAsync(page, "Your project", "Completed");
        await ExpectTaskStatusAsync(page, "About your work", "In progress");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Sign out, sign back in, and come back to the draft from the organisation dashboard.
        await SignOutAsync(page);
        await Journeys.SubmitSignInFormAsync(page, email, Password);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await page.GotoAsync("/organisation");
        var applications = page.GetByRole(AriaRole.Region, new() { Name = organisationName });
        await Expect(applications.GetByRole(AriaRole.Row, new() { Name = projectTitle })).ToContainTextAsync("Not yet submitted");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await applications.GetByRole(AriaRole.Link, new() { Name = projectTitle }).ClickAsync();
        await Expect(page).ToHaveURLAsync(taskListUrl);
        await ExpectTaskStatusAsync(page, "About your work", "In progress");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-task-list-returned");

        await page.GetByRole(AriaRole.Link, new() { Name = "About your work" }).ClickAsync();
        await Expect(page.GetByLabel(WhatWillYouDo)).ToHaveValueAsync(Plan);
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // Finish both sections, uploading a real PDF.
        await FinishAboutYourWorkAsync(page);
        var pdf = await WritePdfAsync();
        try
        {
            await FillYourOrganisationAsync(page, pdf);
        }
        finally
        {
            File.Delete(pdf);
        }

        await Expect(page).ToHaveURLAsync(taskListUrl);
        await ExpectTaskStatusAsync(page, "Your project", "Completed");
        await ExpectTaskStatusAsync(page, "About your work", "Completed");
        await ExpectTaskStatusAsync(page, "Your organisation", "Completed");
        await Expect(page.GetByText("You have completed 3 of 3 sections.")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-task-list-complete");

        // Check your answers, then submit.
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
        await Expect(page.GetByText(projectTitle, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByText(Plan, new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = Path.GetFileName(pdf) })).ToBeVisibleAsync();
        await Expect(page.GetByText("Not answered")).ToHaveCountAsync(0);
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-check-your-answers");

        await page.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(SubmittedPage());
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Application submitted");
        await Expect(page.Locator("[data-reference]")).ToHaveTextAsync(Reference());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await ScreenshotAsync(page, "applicant-submitted");
    }

    [Fact]
    public async Task A_late_submission_is_refused_and_the_draft_is_kept()
    {
        var projectTitle = $"Late peer support {DateTime.UtcNow:HHmmssfff}";
        var page = await NewPageAsync();
        await SignInAsync(page, DemoDataSeeder.Applicant2Email);

        // A complete draft, up to check your answers, while the round is open.
        await page.GotoAsync("/rounds");
        await page.GetByRole(AriaRole.Link, new() { Name = RoundTitle }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Apply", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-eligible]")).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Start your application" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(TaskListPage());
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        var applicationId = int.Parse(TaskListPage().Match(page.Url).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);

        await FillProjectAsync(page, projectTitle);
        await page.GetByLabel(WhatWillYouDo).FillAsync(Plan);
        await FinishAboutYourWorkAsync(page);
        await FillYourOrganisationAsync(page, pdf: null);
        await page.GetByRole(AriaRole.Link, new() { Name = "Check your answers and submit" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
        await Accessibility.AssertNoSeriousViolationsAsync(page);

        // The round closes while the applicant reads their answers.
        var originalClosesAt = await SetRoundClosesAtAsync(DateTimeOffset.UtcNow.AddMinutes(-1));
        try
        {
            await page.GetByRole(AriaRole.Button, new() { Name = "Submit the application" }).ClickAsync();

            await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Check your answers");
            var summary = page.GetByRole(AriaRole.Alert).Filter(new() { HasText = "There is a problem" });
            await Expect(summary).ToContainTextAsync("This round closed at");
            await Expect(summary).ToContainTextAsync("Your draft has been kept");
            await Accessibility.AssertNoSeriousViolationsAsync(page);
            await ScreenshotAsync(page, "applicant-late-submission-refused");

            using var scope = App.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == applicationId);
            Assert.Equal(ApplicationStatus.Draft, application.Status);
            Assert.Null(application.Reference);
            Assert.Equal(projectTitle, application.ProjectTitle);
        }
        finally
        {
            await SetRoundClosesAtAsync(originalClosesAt);
        }
    }

    private static async Task FillProjectAsync(IPage page, string projectTitle)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Your project" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your project");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
        await page.GetByLabel("Project title").FillAsync(projectTitle);
        await page.GetByLabel("How much are you asking for?").FillAsync("25000");
        await page.GetByLabel("How many months will the project last?").FillAsync("18");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("About your work");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>On "About your work" with its long answer already written: the rest, then on to the next section.</summary>
    private static async Task FinishAboutYourWorkAsync(IPage page)
    {
        var communities = page.GetByRole(AriaRole.Group, new() { Name = Communities });
        await communities.GetByLabel("Disabled people").CheckAsync();
        await communities.GetByLabel("People on low incomes").CheckAsync();
        await page.GetByLabel(HowManyPeople).FillAsync("120");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and continue" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Your organisation");
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    /// <summary>On "Your organisation": answers it (uploading <paramref name="pdf"/> if given) and returns to the task list.</summary>
    private static async Task FillYourOrganisationAsync(IPage page, string? pdf)
    {
        await page.GetByRole(AriaRole.Group, new() { Name = LivedExperience }).GetByLabel("Yes", new() { Exact = true }).CheckAsync();
        var started = page.GetByRole(AriaRole.Group, new() { Name = WhenDidYouStart });
        await started.GetByLabel("Day").FillAsync("1");
        await started.GetByLabel("Month").FillAsync("3");
        await started.GetByLabel("Year").FillAsync("2019");
        if (pdf is not null)
        {
            await page.GetByLabel(Accounts).SetInputFilesAsync(pdf);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Save and return to task list" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(TaskListPage());
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Your answers have been saved." })).ToBeVisibleAsync();
        await Accessibility.AssertNoSeriousViolationsAsync(page);
    }

    private static async Task ExpectTaskStatusAsync(IPage page, string task, string status) =>
        await Expect(page.Locator(".task-list li").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = task, Exact = true }) }).Locator(".task-status"))
            .ToHaveTextAsync(status);

    /// <summary>A small but real PDF in a temp file, named so it is easy to spot on the page.</summary>
    private static async Task<string> WritePdfAsync()
    {
        var path = Path.Combine(Path.GetTempPath(), $"accounts-{Guid.NewGuid():N}.pdf");
        const string Pdf = """
            %PDF-1.4
            1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj
            2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
            3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >> endobj
            trailer << /Root 1 0 R >>
            %%EOF
            """;
        await File.WriteAllBytesAsync(path, Encoding.ASCII.GetBytes(Pdf + "\n"));
        return path;
    }

    /// <summary>Moves the demo open round's deadline, returning the deadline it had.</summary>
    private async Task<DateTimeOffset> SetRoundClosesAtAsync(DateTimeOffset closesAt)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GrantsHubDbContext>();
        var round = await db.Rounds.SingleAsync(r => r.Title == RoundTitle);
        var original = round.ClosesAt;
        round.ClosesAt = closesAt;
        await db.SaveChangesAsync();
        return original;
    }

    [GeneratedRegex(@"/rounds/\d+/apply$")]
    private static partial Regex ApplyPage();

    [GeneratedRegex(@"/organisation/\d+/profile$")]
    private static partial Regex ProfilePage();

    [GeneratedRegex(@"/applications/(?<id>\d+)$")]
    private static partial Regex TaskListPage();

    [GeneratedRegex(@"/applications/\d+/submitted$")]
    private static partial Regex SubmittedPage();

    [GeneratedRegex(@"^GH-\d{4}-\d{6}$")]
    private static partial Regex Reference();
}
