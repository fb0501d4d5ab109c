using System.Globalization;
using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>
/// Declaring conflicts of interest in a round with more organisations than fit on one page: a page at a time, found by
/// name, and "no conflict" with all those not yet declared for in one confirmed step.
/// </summary>
public sealed class ConflictDeclarationTests(SharedApp app) : IClassFixture<SharedApp>
{
    private const int Organisations = 30;

    private Task<(int Declared, int Conflicts)> DeclarationsAsync(int memberId) => app.WithDbAsync(async db =>
        (await db.ConflictDeclarations.CountAsync(d => d.PanelMemberId == memberId), await db.ConflictDeclarations.CountAsync(d => d.PanelMemberId == memberId && d.HasConflict)));

    [Fact]
    public async Task A_round_with_many_organisations_is_declared_a_page_at_a_time()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: Organisations);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var url = $"/assessor/rounds/{scenario.RoundId}/conflicts";

        var first = await assessor.GetDocumentAsync(url);
        Assert.Equal(25, first.QuerySelectorAll("fieldset legend").Length);
        Assert.Contains("You have declared for 0 of 30 organisations", first.QuerySelector("[data-declared]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(first.QuerySelector($"a[href='{url}?Page=2']"));
        Assert.Equal("Save declarations on this page", first.QuerySelector("form[method=post][action$='/conflicts'] button")!.TextContent.Trim());

        // An organisation that did not apply to the round is ignored, even if its id is posted.
        var outsider = await app.WithDbAsync(db => db.Organisations.Where(o => !scenario.Organisations.Contains(o.Id)).Select(o => o.Id).FirstAsync());
        var conflicted = int.Parse(first.QuerySelectorAll("input[name$='.OrganisationId']")[1].GetAttribute("value")!, CultureInfo.InvariantCulture);
        var fields = AssessmentScenario.DeclarationFields(first, conflicted);
        fields["Rows[24].OrganisationId"] = outsider.ToString(CultureInfo.InvariantCulture);
        var saved = await assessor.SubmitFormAsync(url, url, fields);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(url, saved.Headers.Location!.OriginalString);
        var again = await assessor.GetDocumentAsync(url);
        Assert.Equal("Your declarations are saved. 6 organisations are still to declare for.", again.QuerySelector(".alert-success")!.TextContent.Trim());
        Assert.Contains("You have declared for 24 of 30 organisations, with 1 conflict of interest.", again.QuerySelector("[data-declared]")!.TextContent.Split().Where(w => w.Length > 0).Aggregate((a, b) => a + " " + b), StringComparison.Ordinal);
        Assert.Equal((24, 1), await DeclarationsAsync(scenario.Member1));
        Assert.False(await app.WithDbAsync(db => db.ConflictDeclarations.AnyAsync(d => d.OrganisationId == outsider && d.PanelMemberId == scenario.Member1)));
        Assert.Equal("yes", again.QuerySelectorAll("fieldset").Single(f => f.QuerySelector("input[name$='.OrganisationId']")!.GetAttribute("value") == conflicted.ToString(CultureInfo.InvariantCulture))
            .QuerySelector("input[type=radio]:checked")!.GetAttribute("value"));

        var second = await assessor.GetDocumentAsync(url + "?Page=2");
        Assert.Equal(5, second.QuerySelectorAll("fieldset legend").Length);
        Assert.Contains("page 2 of 2", second.QuerySelector("h2[role=status]")!.TextContent, StringComparison.Ordinal);
        var next = await assessor.SubmitFormAsync(url + "?Page=2", url, AssessmentScenario.DeclarationFields(second));

        // The one left out of the first page (its row was replaced by the outsider) is still to declare for.
        Assert.Equal(url + "?Page=2", next.Headers.Location!.OriginalString);
        Assert.Equal("Your declarations are saved. 1 organisation is still to declare for.",
            (await assessor.GetDocumentAsync(url + "?Page=2")).QuerySelector(".alert-success")!.TextContent.Trim());
        var left = await assessor.GetDocumentAsync(url + "?Show=NotDeclared");
        Assert.Single(left.QuerySelectorAll("fieldset legend"));
        var done = await assessor.SubmitFormAsync(url + "?Show=NotDeclared", url, AssessmentScenario.DeclarationFields(left));

        Assert.Equal("/assessor", done.Headers.Location!.OriginalString);
        Assert.Equal((30, 1), await DeclarationsAsync(scenario.Member1));
        Assert.DoesNotContain(scenario.Applications[Array.IndexOf(scenario.Organisations, conflicted)], await scenario.AssignedToAsync(app, scenario.Member1));
    }

    [Fact]
    public async Task An_assessor_finds_an_organisation_by_name_declares_a_conflict_and_then_no_conflict_with_the_rest_at_once()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: Organisations);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var url = $"/assessor/rounds/{scenario.RoundId}/conflicts";
        var conflicted = scenario.Organisations[7];
        var name = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == conflicted).Select(o => o.Name).SingleAsync());

        var search = $"{url}?Name={Uri.EscapeDataString(name.ToUpperInvariant())}";
        var found = await assessor.GetDocumentAsync(search);
        Assert.Equal([name], found.QuerySelectorAll("fieldset legend").Select(l => l.TextContent));
        Assert.Equal("1 organisation matches", found.QuerySelector("h2[role=status]")!.TextContent.Trim());
        var saved = await assessor.SubmitFormAsync(search, url, AssessmentScenario.DeclarationFields(found, conflicted));
        Assert.Equal($"{url}?Name={Uri.EscapeDataString(name.ToUpperInvariant())}", saved.Headers.Location!.OriginalString);

        var conflicts = await assessor.GetDocumentAsync($"{url}?Show=Conflicts");
        Assert.Equal([name], conflicts.QuerySelectorAll("fieldset legend").Select(l => l.TextContent));
        var notDeclared = await assessor.GetDocumentAsync($"{url}?Show=NotDeclared&Page=2");
        Assert.Equal("29 organisations match (page 2 of 2)", string.Join(' ', notDeclared.QuerySelector("h2[role=status]")!.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)));
        Assert.Equal(4, notDeclared.QuerySelectorAll("fieldset legend").Length);

        // Not confirmed: the message is beside the box and in the summary, and nothing is saved.
        var rest = $"{url}/rest";
        var unconfirmed = await assessor.SubmitFormAsync(url, rest, new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        var page = await unconfirmed.ReadDocumentAsync();
        Assert.StartsWith("Confirm that you have no conflict of interest", page.FieldError("ConfirmNoConflict"), StringComparison.Ordinal);
        Assert.Contains(page.ErrorSummary(), e => e.StartsWith("Confirm that you have no conflict of interest", StringComparison.Ordinal));
        Assert.NotNull(page.QuerySelector("a[href='#ConfirmNoConflict']"));
        Assert.Equal((1, 1), await DeclarationsAsync(scenario.Member1));

        // Confirmed for a number that is no longer right (another organisation applied, say): asked to read the list again.
        var stale = await assessor.SubmitFormAsync(url, rest, new Dictionary<string, string> { ["ConfirmNoConflict"] = "true", ["NotDeclared"] = "28" });
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.StartsWith("The list has changed since you opened it: 29 organisations", (await stale.ReadDocumentAsync()).FieldError("ConfirmNoConflict"), StringComparison.Ordinal);
        Assert.Equal((1, 1), await DeclarationsAsync(scenario.Member1));

        var confirmed = await assessor.SubmitFormAsync(url, rest, new Dictionary<string, string> { ["ConfirmNoConflict"] = "true" });
        Assert.Equal("/assessor", confirmed.Headers.Location!.OriginalString);
        var queue = await assessor.GetDocumentAsync("/assessor");
        Assert.Equal("Your declarations are saved: no conflict of interest with the 29 organisations you had not declared for.", queue.QuerySelector(".alert-success")!.TextContent.Trim());
        Assert.Equal((30, 1), await DeclarationsAsync(scenario.Member1));
        Assert.Equal("I sit on its board of trustees", await app.WithDbAsync(db => db.ConflictDeclarations.Where(d => d.PanelMemberId == scenario.Member1 && d.OrganisationId == conflicted).Select(d => d.Reason).SingleAsync()));
        var assigned = await scenario.AssignedToAsync(app, scenario.Member1);
        Assert.NotEmpty(assigned);
        Assert.DoesNotContain(scenario.Applications[7], assigned);

        // Everything declared: the page no longer offers the step, and the summary says so.
        var all = await assessor.GetDocumentAsync(url);
        Assert.Null(all.QuerySelector($"form[action='{rest}']"));
        Assert.Contains("You have declared for 30 of 30 organisations", all.QuerySelector("[data-declared]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_counts_only_organisations_still_in_assessment_as_declared_for()
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 3);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var url = $"/assessor/rounds/{scenario.RoundId}/conflicts";
        foreach (var organisation in scenario.Organisations.Take(2))
        {
            var name = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == organisation).Select(o => o.Name).SingleAsync());
            var search = $"{url}?Name={Uri.EscapeDataString(name)}";
            Assert.Equal(HttpStatusCode.Redirect, (await assessor.SubmitFormAsync(search, url, AssessmentScenario.DeclarationFields(await assessor.GetDocumentAsync(search)))).StatusCode);
        }

        // The two declared for withdraw; the one left has not been declared for.
        var withdrawing = scenario.Applications.Take(2).ToList();
        await app.WithDbAsync(db => db.Applications.Where(a => withdrawing.Contains(a.Id))
            .ExecuteUpdateAsync(a => a.SetProperty(x => x.Status, Domain.Applications.ApplicationStatus.Withdrawn)));

        var queue = await assessor.GetDocumentAsync("/assessor");
        var round = queue.QuerySelectorAll("section.card").Single(c => c.QuerySelector($"a[href='{url}']") is not null);
        Assert.Equal("Declare conflicts of interest", round.QuerySelector($"a[href='{url}']")!.TextContent.Trim());
        Assert.StartsWith("1 of 1 organisation still to declare for.", round.QuerySelector("[data-to-declare]")!.TextContent, StringComparison.Ordinal);
        var page = await assessor.GetDocumentAsync(url);
        Assert.Contains("You have declared for 0 of 1 organisation,", page.QuerySelector("[data-declared]")!.TextContent, StringComparison.Ordinal);
    }
}
