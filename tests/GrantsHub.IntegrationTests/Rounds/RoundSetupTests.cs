using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Funders;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Rounds;

/// <summary>A funder sets up a round: details, who can apply, ring-fences, form, criteria; then publishes.</summary>
public sealed class RoundSetupTests(SharedApp app) : IClassFixture<SharedApp>
{
    // The shared app's clock: 27 November 2026, 10:00 UTC.
    internal static Dictionary<string, string> Details(int programmeId, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["ProgrammeId"] = programmeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Title"] = $"Round {Guid.NewGuid():N}",
            ["Description"] = "Funding for **peer support**.",
            ["OpensAt"] = "2027-01-04T09:00",
            ["ClosesAt"] = "2027-03-28T12:00",
            ["Budget"] = "200,000",
            ["MinimumGrant"] = "5000",
            ["MaximumGrant"] = "50000",
            ["MaximumDurationMonths"] = "36",
        };
        change?.Invoke(fields);
        return fields;
    }

    private async Task<int> ProgrammeIdAsync() => await app.WithDbAsync(db => db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync());

    private async Task<(HttpClient Client, int RoundId)> NewDraftAsync()
    {
        var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var programmeId = await ProgrammeIdAsync();
        var response = await client.SubmitFormAsync($"/funder/rounds/new?programmeId={programmeId}", "/funder/rounds/new", Details(programmeId));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        return (client, id);
    }

    [Fact]
    public async Task A_new_round_is_a_draft_with_its_dates_stored_in_utc_from_uk_time()
    {
        var (client, id) = await NewDraftAsync();

        var round = await app.WithDbAsync(db => db.Rounds.SingleAsync(r => r.Id == id));
        Assert.Equal(RoundStage.Draft, round.Stage);
        Assert.Equal(new DateTimeOffset(2027, 1, 4, 9, 0, 0, TimeSpan.Zero), round.OpensAt); // GMT
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 11, 0, 0, TimeSpan.Zero), round.ClosesAt); // BST: 12:00 UK is 11:00 UTC
        Assert.Equal(200_000m, round.Budget);
        var page = await client.GetDocumentAsync($"/funder/rounds/{id}");
        Assert.Equal("Draft", page.QuerySelector(".status-badge")!.TextContent);
        Assert.Contains("Sunday 28 March 2027, 12:00pm (BST)", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ClosesAt", "2027-01-01T09:00", "The closing date must be after the opening date")]
    [InlineData("MinimumGrant", "60000", "The minimum grant must not be more than the maximum grant")]
    [InlineData("MaximumDurationMonths", "48", "Grants can last from 1 to 36 months")]
    [InlineData("Title", "", "Enter the round's title")]
    [InlineData("Budget", "lots", "The value 'lots' is not valid for Round budget (£).")]
    public async Task Bad_round_details_are_explained_and_nothing_is_saved(string field, string value, string message)
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var programmeId = await ProgrammeIdAsync();
        var before = await app.WithDbAsync(db => db.Rounds.CountAsync());

        var response = await client.SubmitFormAsync($"/funder/rounds/new?programmeId={programmeId}", "/funder/rounds/new", Details(programmeId, f => f[field] = value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal(before, await app.WithDbAsync(db => db.Rounds.CountAsync()));
    }

    [Fact]
    public async Task Criteria_weights_must_total_100()
    {
        var (client, id) = await NewDraftAsync();
        var form = new Dictionary<string, string>
        {
            ["Rows[0].Name"] = "Need", ["Rows[0].Weight"] = "60",
            ["Rows[1].Name"] = "Reach", ["Rows[1].Weight"] = "30",
            ["ScoreMinimum"] = "0", ["ScoreMaximum"] = "4",
        };
        var refused = await client.SubmitFormAsync($"/funder/rounds/{id}/criteria", $"/funder/rounds/{id}/criteria", form);
        Assert.Contains("Criteria weights must total 100; they total 90", (await refused.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(0, await app.WithDbAsync(db => db.Criteria.CountAsync(c => c.RoundId == id)));

        form["Rows[1].Weight"] = "forty";
        var notANumber = await (await client.SubmitFormAsync($"/funder/rounds/{id}/criteria", $"/funder/rounds/{id}/criteria", form)).ReadDocumentAsync();
        Assert.NotNull(notANumber.FieldError("Rows[1].Weight"));
        Assert.NotEmpty(notANumber.FieldError("Rows[1].Weight")!);
        Assert.Equal("forty", notANumber.QuerySelector("#Rows_1__Weight")!.GetAttribute("value")); // what was typed is kept beside its message
        Assert.Equal("Reach", notANumber.QuerySelector("#Rows_1__Name")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Criteria.CountAsync(c => c.RoundId == id)));

        form["Rows[1].Weight"] = "40";
        var saved = await client.SubmitFormAsync($"/funder/rounds/{id}/criteria", $"/funder/rounds/{id}/criteria", form);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var weights = await app.WithDbAsync(db => db.Criteria.Where(c => c.RoundId == id).OrderBy(c => c.Order).Select(c => new { c.Name, c.Weight }).ToListAsync());
        Assert.Equal([new { Name = "Need", Weight = 60 }, new { Name = "Reach", Weight = 40 }], weights);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RoundId == id && e.Kind == "round.criteria-changed")));
    }

    [Fact]
    public async Task Ring_fenced_pots_cannot_exceed_the_budget()
    {
        var (client, id) = await NewDraftAsync();
        var url = $"/funder/rounds/{id}/ring-fences";

        var first = await client.SubmitFormAsync(url, url, new Dictionary<string, string>
        {
            ["Name"] = "Lived experience", ["Share"] = "Percentage", ["ShareValue"] = "60", ["Qualifier"] = nameof(RingFenceQualifier.LedByLivedExperience),
        });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await client.SubmitFormAsync(url, url, new Dictionary<string, string>
        {
            ["Name"] = "Mental health", ["Share"] = "Amount", ["ShareValue"] = "90000", ["Qualifier"] = nameof(RingFenceQualifier.DeiCode), ["DeiCode"] = "DEI020200",
        });
        var page = await second.ReadDocumentAsync();
        Assert.Equal("The ring-fenced pots total £210,000, more than the round budget of £200,000", page.FieldError("ShareValue"));

        var pots = await app.WithDbAsync(db => db.RingFences.Where(r => r.RoundId == id).Select(r => r.Name).ToListAsync());
        Assert.Equal(["Lived experience"], pots);
    }

    [Fact]
    public async Task The_form_builder_adds_sections_and_questions_of_each_type()
    {
        var (client, id) = await NewDraftAsync();
        var formUrl = $"/funder/rounds/{id}/form";
        await client.SubmitFormAsync(formUrl, $"{formUrl}/sections", new Dictionary<string, string> { ["Title"] = "About you" });
        var sectionId = await app.WithDbAsync(db => db.FormSections.Where(s => s.RoundId == id).Select(s => s.Id).SingleAsync());

        var newQuestion = $"/funder/rounds/{id}/form/sections/{sectionId}/questions/new";
        var refused = await client.SubmitFormAsync(newQuestion, newQuestion, new Dictionary<string, string>
        {
            ["SectionId"] = $"{sectionId}", ["Text"] = "Pick one", ["Type"] = nameof(QuestionType.SingleChoice), ["Options"] = "Only one",
        });
        Assert.Equal("Give at least two options, one a line", (await refused.ReadDocumentAsync()).FieldError("Options"));

        foreach (var type in Enum.GetValues<QuestionType>())
        {
            var response = await client.SubmitFormAsync(newQuestion, newQuestion, new Dictionary<string, string>
            {
                ["SectionId"] = $"{sectionId}", ["Text"] = $"A {type} question", ["Type"] = type.ToString(), ["Required"] = "true",
                ["WordLimit"] = "250", ["Options"] = "Yes please\nNo thanks",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        var questions = await app.WithDbAsync(db => db.Questions.Where(q => q.SectionId == sectionId).OrderBy(q => q.Order).ToListAsync());
        Assert.Equal(Enum.GetValues<QuestionType>(), questions.Select(q => q.Type));
        Assert.Equal(250, questions.Single(q => q.Type == QuestionType.LongText).WordLimit);
        Assert.Null(questions.Single(q => q.Type == QuestionType.ShortText).WordLimit);
        Assert.Equal(["Yes please", "No thanks"], questions.Single(q => q.Type == QuestionType.MultipleChoice).OptionList);

        var moved = await client.SubmitFormAsync(formUrl, $"/funder/rounds/{id}/form/questions/{questions[1].Id}/move?up=true", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var order = await app.WithDbAsync(db => db.Questions.Where(q => q.SectionId == sectionId).OrderBy(q => q.Order).Select(q => q.Type).Take(2).ToListAsync());
        Assert.Equal([QuestionType.LongText, QuestionType.ShortText], order);
    }

    [Fact]
    public async Task Questions_lock_once_an_application_has_been_started()
    {
        var (client, id) = await NewDraftAsync();
        var formUrl = $"/funder/rounds/{id}/form";
        await client.SubmitFormAsync(formUrl, $"{formUrl}/sections", new Dictionary<string, string> { ["Title"] = "About you" });
        await app.WithDbAsync(async db =>
        {
            var org = await db.Organisations.FirstAsync();
            db.Applications.Add(new GrantApplication { RoundId = id, OrganisationId = org.Id, ProjectTitle = "Started", CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var response = await client.SubmitFormAsync(formUrl, $"{formUrl}/sections", new Dictionary<string, string> { ["Title"] = "Too late" });

        Assert.Contains("The form is locked because an application has been started. Copy the round to change its questions.", (await response.ReadDocumentAsync()).ErrorSummary());
        Assert.Equal(["About you"], await app.WithDbAsync(db => db.FormSections.Where(s => s.RoundId == id).Select(s => s.Title).ToListAsync()));
    }

    [Fact]
    public async Task A_round_publishes_only_when_complete_and_then_opens_and_closes_with_the_clock()
    {
        var (client, id) = await NewDraftAsync();
        var overview = $"/funder/rounds/{id}";

        var refused = await client.SubmitFormAsync(overview, $"{overview}/stage", new Dictionary<string, string> { ["stage"] = "Published" });
        var problems = (await refused.ReadDocumentAsync()).ErrorSummary();
        Assert.Contains("Add at least one assessment criterion", problems);
        Assert.Contains("Add at least one question to the application form", problems);

        await client.SubmitFormAsync($"{overview}/criteria", $"{overview}/criteria", new Dictionary<string, string>
        {
            ["Rows[0].Name"] = "Need", ["Rows[0].Weight"] = "100", ["ScoreMinimum"] = "1", ["ScoreMaximum"] = "5",
        });
        await client.SubmitFormAsync($"{overview}/form", $"{overview}/form/sections", new Dictionary<string, string> { ["Title"] = "About you" });
        var sectionId = await app.WithDbAsync(db => db.FormSections.Where(s => s.RoundId == id).Select(s => s.Id).SingleAsync());
        var newQuestion = $"{overview}/form/sections/{sectionId}/questions/new";
        await client.SubmitFormAsync(newQuestion, newQuestion, new Dictionary<string, string> { ["SectionId"] = $"{sectionId}", ["Text"] = "Why?", ["Type"] = "LongText", ["WordLimit"] = "200" });

        var published = await client.SubmitFormAsync(overview, $"{overview}/stage", new Dictionary<string, string> { ["stage"] = "Published" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal("Upcoming", (await client.GetDocumentAsync(overview)).QuerySelector(".status-badge")!.TextContent);

        using var visitor = app.CreateBrowserlessClient();
        var title = await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == id).Select(r => r.Title).SingleAsync());
        Assert.DoesNotContain(title, await (await visitor.GetAsync(new Uri("/rounds", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Id == id);
            round.OpensAt = app.Clock.GetUtcNow().AddHours(-1);
            return await db.SaveChangesAsync();
        });
        Assert.Contains(title, await (await visitor.GetAsync(new Uri("/rounds", UriKind.Relative))).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.RoundId == id && (e.Kind == "round.created" || e.Kind == "round.stage-changed"))));
    }

    [Fact]
    public async Task A_round_is_copied_as_a_draft_a_year_later_with_its_whole_setup()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var source = await app.WithDbAsync(db => db.Rounds.Include(r => r.Sections).ThenInclude(s => s.Questions).Include(r => r.Criteria).Include(r => r.RingFences)
            .SingleAsync(r => r.Title == "Equality Fund 2026: Round 2"));

        var response = await client.SubmitFormAsync($"/funder/rounds/{source.Id}", $"/funder/rounds/{source.Id}/copy", new Dictionary<string, string>());

        var copyId = int.Parse(response.Headers.Location!.OriginalString.Split('/').Last(), System.Globalization.CultureInfo.InvariantCulture);
        var copy = await app.WithDbAsync(db => db.Rounds.Include(r => r.Sections).ThenInclude(s => s.Questions).Include(r => r.Criteria).Include(r => r.RingFences)
            .SingleAsync(r => r.Id == copyId));
        Assert.Equal(RoundStage.Draft, copy.Stage);
        Assert.Equal(source.ClosesAt.AddYears(1), copy.ClosesAt);
        Assert.Equal(source.Criteria.OrderBy(c => c.Order).Select(c => (c.Name, c.Weight)), copy.Criteria.OrderBy(c => c.Order).Select(c => (c.Name, c.Weight)));
        Assert.Equal(source.Sections.SelectMany(s => s.Questions).Count(), copy.Sections.SelectMany(s => s.Questions).Count());
        Assert.Equal(source.RingFences.Select(r => r.Name).Order(), copy.RingFences.Select(r => r.Name).Order());
        Assert.Equal(source.Id, copy.CopiedFromRoundId);
    }

    [Fact]
    public async Task A_stale_edit_of_round_details_is_refused_and_says_why()
    {
        var (client, id) = await NewDraftAsync();
        var page = await client.GetDocumentAsync($"/funder/rounds/{id}/details");
        var staleVersion = page.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await app.WithDbAsync(async db =>
        {
            (await db.Rounds.SingleAsync(r => r.Id == id)).Title = "Changed elsewhere";
            return await db.SaveChangesAsync();
        });

        var programmeId = await ProgrammeIdAsync();
        var response = await client.SubmitFormAsync($"/funder/rounds/{id}/details", $"/funder/rounds/{id}/details",
            Details(programmeId, f => { f["Version"] = staleVersion; f["Title"] = "My edit"; }));

        var result = await response.ReadDocumentAsync();
        Assert.Contains("Someone else changed this round while you were editing it", result.ErrorSummary().Single(), StringComparison.Ordinal);
        Assert.Equal("Changed elsewhere", result.QuerySelector("input[name=Title]")!.GetAttribute("value"));
        Assert.Equal("Changed elsewhere", await app.WithDbAsync(db => db.Rounds.Where(r => r.Id == id).Select(r => r.Title).SingleAsync()));
    }

    [Fact]
    public async Task Another_funder_cannot_see_or_change_our_rounds()
    {
        var otherFunderEmail = $"other-{Guid.NewGuid():N}@example.org";
        await app.WithServiceAsync<IServiceProvider, bool>(async services =>
        {
            var db = services.GetRequiredService<GrantsHub.Infrastructure.Persistence.GrantsHubDbContext>();
            var funder = new Funder { Name = "Southshire ICB", OpenDataPrefix = $"360G-south-{Guid.NewGuid():N}", Kind = FunderKind.NhsBody };
            db.Funders.Add(funder);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<GrantsHub.Infrastructure.Identity.ApplicationUser>>();
            var user = new GrantsHub.Infrastructure.Identity.ApplicationUser { UserName = otherFunderEmail, Email = otherFunderEmail, DisplayName = "Other", FunderId = funder.Id };
            await users.CreateAsync(user, DemoDataSeeder.Password);
            await users.AddToRoleAsync(user, GrantsHub.Domain.Common.Roles.FunderAdmin);
            return true;
        });
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Title == "Equality Fund 2026: Round 2").Select(r => r.Id).SingleAsync());
        using var other = await app.SignedInAsync(otherFunderEmail);

        foreach (var path in new[] { "", "/details", "/eligibility", "/ring-fences", "/criteria", "/form", "/applications", "/applications/export.csv" })
        {
            var response = await other.GetAsync(new Uri($"/funder/rounds/{roundId}{path}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }

        using var own = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var token = (await own.GetDocumentAsync("/funder")).QuerySelector("input[name=__RequestVerificationToken]");
        var copy = await other.SubmitFormAsync("/funder", $"/funder/rounds/{roundId}/copy", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, copy.StatusCode);
        Assert.NotNull(token);
    }
}
