using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Applications;

/// <summary>An applicant's dashboard: each of their organisations with its applications, latest first, and the open rounds.</summary>
public sealed class OrganisationDashboardTests
{
    [Fact]
    public async Task Each_organisation_shows_its_own_applications_latest_first_and_one_with_none_says_so()
    {
        await using var app = new GrantsHubFactory();
        var now = app.Clock.GetUtcNow();
        var email = await NewApplicantAsync(app);
        var (first, second) = await app.WithServiceAsync<IServiceProvider, (int, int)>(async services =>
        {
            var db = services.GetRequiredService<GrantsHubDbContext>();
            var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
            var rounds = await db.Rounds.OrderBy(r => r.Id).Select(r => r.Id).Take(5).ToListAsync(); // one application per organisation and round
            var funded = new Organisation { Name = "Aldgate Peer Support", LegalForm = LegalForm.RegisteredCharity, CreatedAt = now };
            var quiet = new Organisation { Name = "Zennor Hearing Voices", LegalForm = LegalForm.UnincorporatedGroup, CreatedAt = now };
            db.Organisations.AddRange(quiet, funded);
            await db.SaveChangesAsync();
            db.OrganisationMembers.AddRange(
                new OrganisationMember { OrganisationId = funded.Id, UserId = userId, Role = MemberRole.Owner, JoinedAt = now },
                new OrganisationMember { OrganisationId = quiet.Id, UserId = userId, Role = MemberRole.Member, JoinedAt = now });
            GrantApplication Application(string title, ApplicationStatus status, int daysAgo) => new()
            {
                RoundId = rounds[daysAgo - 1], OrganisationId = funded.Id, ProjectTitle = title, Status = status, AmountRequested = 10_000m,
                CreatedAt = now.AddDays(-30), UpdatedAt = now.AddDays(-daysAgo),
            };
            var decidedNotSent = Application("Walk and talk", ApplicationStatus.Approved, 2);
            var declined = Application("Men's sheds", ApplicationStatus.Declined, 1);
            var approved = Application("Befriending line", ApplicationStatus.Approved, 5);
            db.Applications.AddRange(Application("Peer mentors", ApplicationStatus.Draft, 3), decidedNotSent, declined, Application("Crisis café", ApplicationStatus.Submitted, 4), approved);
            await db.SaveChangesAsync();
            db.Decisions.AddRange(
                new Decision
                {
                    ApplicationId = decidedNotSent.Id, Outcome = DecisionOutcome.Approved, Amount = 9_000m, Feedback = "Not sent yet.", DecidedAt = now,
                    DecidedByUserId = userId, Version = Guid.NewGuid(),
                },
                new Decision
                {
                    ApplicationId = declined.Id, Outcome = DecisionOutcome.Declined, Feedback = "The panel wanted more on who would take part.", DecidedAt = now,
                    DecidedByUserId = userId, NotifiedAt = now, Version = Guid.NewGuid(),
                },
                new Decision
                {
                    ApplicationId = approved.Id, Outcome = DecisionOutcome.Approved, Amount = 7_500m, Feedback = "A strong plan.", DecidedAt = now,
                    DecidedByUserId = userId, NotifiedAt = now, Version = Guid.NewGuid(),
                });
            await db.SaveChangesAsync();
            return (funded.Id, quiet.Id);
        });
        using var client = await app.SignedInAsync(email);

        var page = await client.GetDocumentAsync("/organisation");

        Assert.Equal(["Aldgate Peer Support", "Zennor Hearing Voices"], page.QuerySelectorAll("section[aria-labelledby^='org-'] h2").Select(h => h.TextContent).ToList());
        var funded = page.QuerySelector($"section[aria-labelledby='org-{first}']")!;
        Assert.Equal(
            [("Men's sheds", "Declined"), ("Walk and talk", "Under assessment"), ("Peer mentors", "Draft"), ("Crisis café", "Submitted"), ("Befriending line", "Approved")],
            funded.QuerySelectorAll("tbody tr:not(.decision-feedback)").Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector(".status-badge")!.TextContent)).ToList());
        Assert.Equal(["Feedback from the funder: The panel wanted more on who would take part.", "Feedback from the funder: A strong plan."],
            funded.QuerySelectorAll("tr.decision-feedback").Select(r => r.TextContent.Trim()).ToList());
        // Only a sent decision's offer is shown: the one not yet sent (9,000) is not.
        Assert.Equal([("Befriending line", "Offer: £7,500")],
            funded.QuerySelectorAll("tbody tr:not(.decision-feedback)").Where(r => r.TextContent.Contains("Offer:", StringComparison.Ordinal))
                .Select(r => (r.QuerySelector("th")!.TextContent, r.QuerySelector(".small")!.TextContent.Trim())).ToList());
        Assert.DoesNotContain("Not sent yet.", funded.TextContent, StringComparison.Ordinal);
        var quiet = page.QuerySelector($"section[aria-labelledby='org-{second}']")!;
        Assert.Contains("You have not started an application yet.", quiet.TextContent, StringComparison.Ordinal);
        Assert.Contains("you are a member", quiet.TextContent, StringComparison.Ordinal);
        Assert.Contains("1 funding round is open now", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_applicant_in_no_organisation_yet_still_sees_how_many_rounds_are_open()
    {
        await using var app = new GrantsHubFactory();
        using var client = await app.SignedInAsync(await NewApplicantAsync(app));

        var page = await client.GetDocumentAsync("/organisation");

        Assert.Empty(page.QuerySelectorAll("section[aria-labelledby^='org-']"));
        Assert.Contains("1 funding round is open now", page.QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_of_one_organisation_each_see_their_own_role_on_its_card_and_a_change_at_once()
    {
        await using var app = new GrantsHubFactory();
        var now = app.Clock.GetUtcNow();
        var ownerEmail = await NewApplicantAsync(app);
        var memberEmail = await NewApplicantAsync(app);
        var organisationId = await app.WithServiceAsync<IServiceProvider, int>(async services =>
        {
            var db = services.GetRequiredService<GrantsHubDbContext>();
            var users = await db.Users.Where(u => u.Email == ownerEmail || u.Email == memberEmail).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var organisation = new Organisation { Name = "Hexham Peer Network", LegalForm = LegalForm.RegisteredCharity, CreatedAt = now };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            db.OrganisationMembers.AddRange(
                new OrganisationMember { OrganisationId = organisation.Id, UserId = users[ownerEmail], Role = MemberRole.Owner, JoinedAt = now },
                new OrganisationMember { OrganisationId = organisation.Id, UserId = users[memberEmail], Role = MemberRole.Member, JoinedAt = now });
            db.Applications.Add(new GrantApplication
            {
                RoundId = await db.Rounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(), OrganisationId = organisation.Id, ProjectTitle = "Walking group",
                Status = ApplicationStatus.Submitted, AmountRequested = 5_000m, CreatedAt = now.AddDays(-2), UpdatedAt = now.AddDays(-2),
            });
            await db.SaveChangesAsync();
            return organisation.Id;
        });
        using var owner = await app.SignedInAsync(ownerEmail);
        using var member = await app.SignedInAsync(memberEmail);
        var card = $"section[aria-labelledby='org-{organisationId}']";
        static List<string> Titles(AngleSharp.Dom.IElement card) => [.. card.QuerySelectorAll("tbody th").Select(t => t.TextContent)];

        var ownersCard = (await owner.GetDocumentAsync("/organisation")).QuerySelector(card)!;
        var membersCard = (await member.GetDocumentAsync("/organisation")).QuerySelector(card)!;

        Assert.Contains("you are an owner", ownersCard.TextContent, StringComparison.Ordinal);
        Assert.Contains("you are a member", membersCard.TextContent, StringComparison.Ordinal);
        Assert.Equal(["Walking group"], Titles(ownersCard));
        Assert.Equal(["Walking group"], Titles(membersCard));

        await app.WithDbAsync(async db =>
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == organisationId);
            organisation.Name = "Hexham and Tynedale Peer Network";
            db.Applications.Add(new GrantApplication
            {
                RoundId = await db.Rounds.OrderBy(r => r.Id).Select(r => r.Id).Skip(1).FirstAsync(), OrganisationId = organisationId, ProjectTitle = "Carers' café",
                Status = ApplicationStatus.Draft, AmountRequested = 2_000m, CreatedAt = now, UpdatedAt = now,
            });
            return await db.SaveChangesAsync();
        });

        var changed = (await member.GetDocumentAsync("/organisation")).QuerySelector(card)!;
        Assert.Equal("Hexham and Tynedale Peer Network", changed.QuerySelector("h2")!.TextContent);
        Assert.Equal(["Carers' café", "Walking group"], Titles(changed));
        Assert.Contains("you are a member", changed.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_rounds_are_counted_again_at_the_minute_a_round_closes_with_nothing_saved()
    {
        await using var app = new GrantsHubFactory();
        var closesAt = await app.WithDbAsync(db => db.Rounds.Where(r => r.Stage == Domain.Rounds.RoundStage.Published && r.OpensAt <= app.Clock.GetUtcNow() && r.ClosesAt >= app.Clock.GetUtcNow())
            .Select(r => r.ClosesAt).SingleAsync());
        app.Clock.SetUtcNow(closesAt.AddMinutes(-1));
        using var client = await app.SignedInAsync(DemoDataSeeder.ApplicantEmail);

        Assert.Contains("1 funding round is open now", (await client.GetDocumentAsync("/organisation")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);

        app.Clock.SetUtcNow(closesAt.AddMinutes(1));
        Assert.Contains("No funding rounds are open just now.", (await client.GetDocumentAsync("/organisation")).QuerySelector(".lead")!.TextContent, StringComparison.Ordinal);
    }

    private static Task<string> NewApplicantAsync(GrantsHubFactory app) =>
        app.WithServiceAsync<IServiceProvider, string>(async services =>
        {
            var email = $"applicant-{Guid.NewGuid():N}@example.org";
            var users = services.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = "Sam Applicant" };
            await users.CreateAsync(user, DemoDataSeeder.Password);
            await users.AddToRoleAsync(user, Domain.Common.Roles.Applicant);
            return email;
        });
}
