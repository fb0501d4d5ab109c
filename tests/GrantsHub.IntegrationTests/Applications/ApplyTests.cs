using System.Net;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Applications;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Applications;

public sealed class ApplyTests
{
    private const string WhatWillYouDo = "What will you do with this funding?";
    private const string WhichCommunities = "Which communities will you reach?";
    private const string HowMany = "How many people will you support each year?";

    /// <summary>A fresh app with the demo applicant's draft open at the "About your work" section.</summary>
    private sealed record Draft(GrantsHubFactory App, HttpClient Client, int ApplicationId, int SectionId, int Words, int Communities, int HowMany) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await App.DisposeAsync();
        }
    }

    private static async Task<Draft> AboutYourWorkAsync()
    {
        var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, await app.OrganisationIdAsync());
        var sectionId = await app.WithDbAsync(db => db.FormSections.Where(s => s.RoundId == roundId && s.Title == "About your work").Select(s => s.Id).SingleAsync());
        return new Draft(app, client, applicationId, sectionId,
            await app.QuestionIdAsync(roundId, WhatWillYouDo), await app.QuestionIdAsync(roundId, WhichCommunities), await app.QuestionIdAsync(roundId, HowMany));
    }

    [Fact]
    public async Task Each_failed_eligibility_rule_is_explained_with_a_link_to_fix_the_profile_and_no_application_can_start()
    {
        await using var app = new GrantsHubFactory();
        var now = app.Clock.GetUtcNow();
        var roundId = await app.CreateRoundAsync("Small groups in Sunderland", now.AddDays(-1), now.AddDays(10), r =>
        {
            r.AllowedOrganisationTypes = OrganisationTypes.UnincorporatedGroup | OrganisationTypes.RegisteredCharity;
            r.MaximumAnnualIncome = 10_000m;
            r.Areas = [new RoundArea { AreaCode = "E08000024" }];
        });
        var organisationId = await app.OrganisationIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var page = await client.GetDocumentAsync($"/rounds/{roundId}/apply");

        var failures = page.QuerySelectorAll("[data-eligibility-failures] li").Select(li => li.TextContent.Trim()).ToList();
        Assert.Equal(3, failures.Count);
        Assert.StartsWith("Organisation type: This round is open only to organisations that are: a registered charity, an unincorporated group.", failures[0], StringComparison.Ordinal);
        Assert.Equal("Annual income: This round is for organisations with an annual income under £10,000; your profile says £10,000 to £50,000.", failures[1]);
        Assert.StartsWith("Area: This round is only for organisations based in the areas listed", failures[2], StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector($"a[href='/organisation/{organisationId}/profile/edit']"));
        Assert.Null(page.QuerySelector("main form[method=post]"));

        var forced = await client.SubmitFormAsync("/rounds/" + roundId + "/apply", $"/rounds/{roundId}/apply",
            new Dictionary<string, string> { ["OrganisationId"] = organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal($"/rounds/{roundId}/apply?organisationId={organisationId}", forced.Headers.Location?.OriginalString);
        Assert.False(await app.WithDbAsync(db => db.Applications.AnyAsync(a => a.RoundId == roundId)));
    }

    [Fact]
    public async Task Fixing_the_profile_makes_the_organisation_eligible()
    {
        await using var app = new GrantsHubFactory();
        var now = app.Clock.GetUtcNow();
        var roundId = await app.CreateRoundAsync("Newcastle micro-grants", now.AddDays(-1), now.AddDays(10), r => r.MaximumAnnualIncome = 50_000m);
        var organisationId = await app.OrganisationIdAsync();
        await app.SetOrganisationAsync(organisationId, o => o.IncomeBand = null);
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var before = await client.GetDocumentAsync($"/rounds/{roundId}/apply");
        Assert.Contains("Add your income band to your organisation profile.", before.QuerySelector("[data-eligibility-failures]")!.TextContent, StringComparison.Ordinal);

        await app.SetOrganisationAsync(organisationId, o => o.IncomeBand = IncomeBand.Under10k);
        var after = await client.GetDocumentAsync($"/rounds/{roundId}/apply");
        Assert.NotNull(after.QuerySelector("[data-eligible]"));
    }

    [Fact]
    public async Task A_member_of_several_organisations_chooses_which_one_applies()
    {
        await using var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        var second = await app.OrganisationIdAsync("Hearing Voices North East");
        await app.WithDbAsync(async db =>
        {
            var userId = await db.Users.Where(u => u.Email == DemoDataSeeder.ApplicantEmail).Select(u => u.Id).SingleAsync();
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = second, UserId = userId, Role = MemberRole.Member });
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var choose = await client.GetDocumentAsync($"/rounds/{roundId}/apply");
        Assert.Equal(2, choose.QuerySelectorAll("input[name=organisationId]").Length);
        Assert.Null(choose.QuerySelector("[data-eligible]"));

        var applicationId = await client.StartApplicationAsync(roundId, second);
        Assert.Equal(second, await app.WithDbAsync(db => db.Applications.Where(a => a.Id == applicationId).Select(a => a.OrganisationId).SingleAsync()));
    }

    [Fact]
    public async Task An_organisation_has_one_application_per_round_and_starting_again_resumes_it()
    {
        await using var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        var organisationId = await app.OrganisationIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        var first = await client.StartApplicationAsync(roundId, organisationId);
        var second = await client.StartApplicationAsync(roundId, organisationId);

        Assert.Equal(first, second);
        var page = await client.GetDocumentAsync($"/rounds/{roundId}/apply");
        Assert.Equal($"/applications/{first}", page.QuerySelector("a.btn-primary")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_task_list_shows_each_section_with_its_status_and_answers_can_be_saved_and_resumed_half_done()
    {
        await using var draft = await AboutYourWorkAsync();
        var (app, client, applicationId, sectionId, words, communities, howMany) = draft;

        var fresh = await client.GetDocumentAsync($"/applications/{applicationId}");
        Assert.Equal(
            [("Your project", "Not started"), ("About your work", "Not started"), ("Your organisation", "Not started")],
            fresh.QuerySelectorAll(".task-list li").Select(li => (li.QuerySelector("a")!.TextContent, li.QuerySelector(".task-status")!.TextContent)).ToList());

        var saved = await client.SaveSectionAsync(applicationId, sectionId,
            [($"q{words}", "Weekly peer support cafés\nin two libraries"), ($"q{communities}", "Young people"), ($"q{communities}", "Carers"[..0] + "Older people"), ("Then", "return")]);
        Assert.Equal($"/applications/{applicationId}", saved.Headers.Location?.OriginalString);

        var list = await client.GetDocumentAsync($"/applications/{applicationId}");
        Assert.Equal("In progress", list.QuerySelectorAll(".task-status")[1].TextContent);
        var section = await client.GetDocumentAsync($"/applications/{applicationId}/sections/{sectionId}");
        Assert.Equal("Weekly peer support cafés\nin two libraries", section.QuerySelector($"#q{words}")!.TextContent);
        Assert.Equal(["Young people", "Older people"], section.QuerySelectorAll($"input[name=q{communities}][checked]").Select(i => i.GetAttribute("value")!).ToList());
        var stored = await app.WithDbAsync(db => db.Answers.Where(a => a.ApplicationId == applicationId && a.QuestionId == communities).Select(a => a.Value).SingleAsync());
        Assert.Equal("Young people\nOlder people", stored);
    }

    [Fact]
    public async Task Save_and_continue_explains_what_is_missing_beside_each_field_and_in_the_summary_and_keeps_the_answers()
    {
        await using var draft = await AboutYourWorkAsync();
        var (app, client, applicationId, sectionId, words, communities, howMany) = draft;

        var response = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", "Peer support"), ("Then", "continue")]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal([$"Select an answer for: {WhichCommunities}", $"Enter an answer for: {HowMany}"], page.ErrorSummary());
        Assert.Equal($"Select an answer for: {WhichCommunities}", page.FieldError($"q{communities}"));
        Assert.Equal($"Enter an answer for: {HowMany}", page.FieldError($"q{howMany}"));
        Assert.Equal([$"#q{communities}", $"#q{howMany}"], page.QuerySelectorAll("[data-error-summary] a").Select(a => a.GetAttribute("href")).ToList());
        Assert.NotNull(page.QuerySelector($"#q{communities}"));
        Assert.Equal("Peer support", await app.WithDbAsync(db => db.Answers.Where(a => a.ApplicationId == applicationId && a.QuestionId == words).Select(a => a.Value).SingleAsync()));
    }

    [Fact]
    public async Task A_value_that_cannot_be_stored_is_refused_beside_its_field_and_everything_typed_is_shown_back()
    {
        await using var draft = await AboutYourWorkAsync();
        var (app, client, applicationId, sectionId, words, communities, howMany) = draft;

        var response = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", "Peer support"), ($"q{howMany}", "about 200"), ("Then", "return")]);

        var page = await response.ReadDocumentAsync();
        Assert.Equal(["Enter a number, like 120"], page.ErrorSummary());
        Assert.Equal("Enter a number, like 120", page.FieldError($"q{howMany}"));
        Assert.Equal("about 200", page.QuerySelector($"#q{howMany}")!.GetAttribute("value"));
        Assert.Equal("Peer support", page.QuerySelector($"#q{words}")!.TextContent);
        Assert.False(await app.WithDbAsync(db => db.Answers.AnyAsync(a => a.ApplicationId == applicationId)));
    }

    [Fact]
    public async Task A_long_answer_over_its_word_limit_can_be_saved_as_a_draft_but_does_not_complete_the_section()
    {
        await using var draft = await AboutYourWorkAsync();
        var (app, client, applicationId, sectionId, words, communities, howMany) = draft;
        var tooLong = string.Join(' ', Enumerable.Repeat("word", 301));
        (string, string)[] answers = [($"q{communities}", "Young people"), ($"q{howMany}", "1,200")];

        var saved = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", tooLong), .. answers, ("Then", "return")]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var refused = await (await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", tooLong), .. answers, ("Then", "continue")])).ReadDocumentAsync();
        Assert.Equal("Your answer must be 300 words or fewer; it has 301", refused.FieldError($"q{words}"));
        Assert.Equal("300", refused.QuerySelector($"#q{words}")!.GetAttribute("data-word-limit"));
        Assert.NotNull(refused.QuerySelector("script[src^='/js/word-count.js']"));
        Assert.Null(refused.QuerySelector("script:not([src])"));

        var exactly = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", string.Join(' ', Enumerable.Repeat("word", 300))), .. answers, ("Then", "continue")]);
        Assert.Equal($"/applications/{applicationId}/sections/{sectionId + 1}", exactly.Headers.Location?.OriginalString);
        Assert.Equal("1200", await app.WithDbAsync(db => db.Answers.Where(a => a.ApplicationId == applicationId && a.QuestionId == howMany).Select(a => a.Value).SingleAsync()));
    }

    [Fact]
    public async Task The_project_section_checks_the_amount_and_length_against_the_round()
    {
        await using var app = new GrantsHubFactory();
        var roundId = await app.RoundIdAsync();
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var applicationId = await client.StartApplicationAsync(roundId, await app.OrganisationIdAsync());

        var page = await (await client.SaveProjectAsync(applicationId, amount: "£95,000", months: "40", then: "continue")).ReadDocumentAsync();

        Assert.Equal(["Ask for between £5,000 and £90,000", "The project must last between 1 and 36 months"], page.ErrorSummary().Order(StringComparer.Ordinal));
        Assert.Equal("Ask for between £5,000 and £90,000", page.FieldError("AmountRequested"));
        var ok = await client.SaveProjectAsync(applicationId, amount: "£90,000", months: "36", then: "continue");
        var firstSection = await app.WithDbAsync(db => db.FormSections.Where(s => s.RoundId == roundId).OrderBy(s => s.Order).Select(s => s.Id).FirstAsync());
        Assert.Equal($"/applications/{applicationId}/sections/{firstSection}", ok.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_save_from_a_second_tab_with_an_older_version_is_refused_and_shows_what_was_typed()
    {
        await using var draft = await AboutYourWorkAsync();
        var (app, client, applicationId, sectionId, words, communities, howMany) = draft;
        var tabOne = (await client.GetDocumentAsync($"/applications/{applicationId}/sections/{sectionId}")).VersionOnPage();
        var tabTwo = (await client.GetDocumentAsync($"/applications/{applicationId}/sections/{sectionId}")).VersionOnPage();

        var first = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", "From the first tab"), ("Then", "return")], tabOne);
        var second = await client.SaveSectionAsync(applicationId, sectionId, [($"q{words}", "From the second tab"), ("Then", "return")], tabTwo);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var page = await second.ReadDocumentAsync();
        Assert.Equal([AnswersHandler.ConflictMessage], page.ErrorSummary());
        Assert.Equal("From the second tab", page.QuerySelector($"#q{words}")!.TextContent);
        Assert.NotEqual(tabTwo, page.VersionOnPage());
        Assert.Equal("From the first tab", await app.WithDbAsync(db => db.Answers.Where(a => a.ApplicationId == applicationId && a.QuestionId == words).Select(a => a.Value).SingleAsync()));

        var project = await client.GetDocumentAsync($"/applications/{applicationId}/project");
        var staleProject = await client.SubmitFormAsync($"/applications/{applicationId}/project", $"/applications/{applicationId}/project", new Dictionary<string, string>
        {
            ["ProjectTitle"] = "Typed in a stale tab", ["AmountRequested"] = "", ["DurationMonths"] = "", ["Version"] = tabOne, ["Then"] = "return",
        });
        var projectPage = await staleProject.ReadDocumentAsync();
        Assert.Equal([AnswersHandler.ConflictMessage], projectPage.ErrorSummary());
        Assert.Equal("Typed in a stale tab", projectPage.QuerySelector("#ProjectTitle")!.GetAttribute("value"));
        Assert.Equal(project.VersionOnPage(), projectPage.VersionOnPage());
    }
}
