using System.Net;
using System.Text.Json;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Auditing;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Email;
using GrantsHub.Domain.Organisations;
using GrantsHub.Infrastructure.Identity;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.PersonalData;

/// <summary>A platform administrator erases a person on request; the grant records stay.</summary>
public sealed class ErasureTests(SharedApp app) : IClassFixture<SharedApp>
{
    private sealed record Person(string UserId, string Name, string Email, string Phone, int OrganisationId, int ApplicationId);

    /// <summary>A member who is their organisation's contact, with an approved application, emails, an invitation and audit entries.</summary>
    private async Task<Person> PersonAsync()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var name = $"Ada O'Quill {tag}";
        var email = $"ada-{tag}@example.org";
        var phone = $"07700 9{Random.Shared.Next(10_000, 99_999)}";
        var userId = await app.WithServiceAsync<UserManager<ApplicationUser>, string>(async users =>
        {
            var user = new ApplicationUser { UserName = email, Email = email, DisplayName = name, PhoneNumber = phone, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoDataSeeder.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Applicant);
            return user.Id;
        });
        var (organisationId, applicationId) = await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var organisation = new Organisation { Name = $"Quill Collective {tag}", LegalForm = LegalForm.UnincorporatedGroup, ContactName = name, ContactEmail = email, ContactPhone = phone, CreatedAt = now };
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = organisation.Id, UserId = userId, Role = MemberRole.Owner, JoinedAt = now });
            var roundId = await db.Rounds.Select(r => r.Id).FirstAsync();
            var application = new GrantApplication
            {
                RoundId = roundId, OrganisationId = organisation.Id, ProjectTitle = "Quill peer circles", AmountRequested = 12_000m, DurationMonths = 12,
                Status = ApplicationStatus.Approved, CreatedAt = now, UpdatedAt = now, SubmittedAt = now, SubmittedByUserId = userId, Reference = $"GH-2026-{tag}",
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            db.Decisions.Add(new Decision { ApplicationId = application.Id, Outcome = DecisionOutcome.Approved, Amount = 10_000m, Feedback = "Funded", DecidedAt = now, DecidedByUserId = "funder", NotifiedAt = now });
            db.Outbox.Add(new OutboxMessage { Key = $"test:{tag}", Kind = "Decision", ToAddress = email, ToName = name, ToUserId = userId, Subject = "Your application", HtmlBody = $"<p>Dear {name}</p>", TextBody = $"Dear {name}", Status = OutboxStatus.Pending, CreatedAt = now, NextAttemptAt = now });
            db.OrganisationInvitations.Add(new OrganisationInvitation { OrganisationId = organisation.Id, Email = email, TokenHash = tag, InvitedByUserId = userId, CreatedAt = now, ExpiresAt = now.AddDays(14) });
            db.AuditEntries.AddRange(
                new AuditEntry { At = now, ActorUserId = userId, ActorName = name, Kind = "organisation.member-joined", Summary = $"{name} joined {organisation.Name}", OrganisationId = organisation.Id },
                new AuditEntry
                {
                    At = now, ActorUserId = userId, ActorName = name, Kind = "organisation.profile-changed", Summary = $"Profile of {organisation.Name} changed", OrganisationId = organisation.Id,
                    Before = JsonSerializer.Serialize(new { ContactName = (string?)null }), After = JsonSerializer.Serialize(new { ContactName = name, ContactEmail = email, ContactPhone = phone }),
                });
            await db.SaveChangesAsync();
            return (organisation.Id, application.Id);
        });
        using (var wrong = app.CreateBrowserlessClient())
        {
            await wrong.SignInAsync(email, "Not-the-password-1"); // leaves a sign-in failure naming the email
        }

        return new Person(userId, name, email, phone, organisationId, applicationId);
    }

    private static async Task<HttpResponseMessage> EraseAsync(HttpClient admin, string userId) =>
        await admin.SubmitFormAsync($"/platform/people/{userId}/erase", $"/platform/people/{userId}/erase", new Dictionary<string, string>());

    [Fact]
    public async Task Erasing_a_person_leaves_them_unidentifiable_and_keeps_the_grant_records()
    {
        var person = await PersonAsync();
        using var admin = await app.SignedInAsync(DemoDataSeeder.AdminEmail);
        var found = await admin.GetDocumentAsync($"/platform/people?search={Uri.EscapeDataString(person.Email)}");
        Assert.NotNull(found.QuerySelector($"a[href='/platform/people/{person.UserId}/erase']"));
        var entriesBefore = await app.WithDbAsync(db => db.AuditEntries.CountAsync());

        var response = await EraseAsync(admin, person.UserId);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var identifying = new[] { person.Name, person.Email, person.Phone, JsonSerializer.Serialize(person.Name)[1..^1] };
        var entries = await app.WithDbAsync(db => db.AuditEntries.AsNoTracking().ToListAsync());
        foreach (var text in identifying)
        {
            Assert.DoesNotContain(entries, e => $"{e.ActorName}|{e.Summary}|{e.Before}|{e.After}".Contains(text, StringComparison.OrdinalIgnoreCase));
        }

        Assert.Equal(entriesBefore + 1, entries.Count); // nothing removed from the trail, one entry added
        var erased = Assert.Single(entries, e => e.Kind == "personal-data.erased");
        Assert.Equal(person.UserId, erased.EntityId);
        Assert.Equal("Platform Administrator", erased.ActorName);
        Assert.Contains("\"Memberships\":1", erased.After, StringComparison.Ordinal);
        var joined = Assert.Single(entries, e => e.Kind == "organisation.member-joined" && e.OrganisationId == person.OrganisationId);
        Assert.StartsWith("[erased] joined Quill Collective", joined.Summary, StringComparison.Ordinal);
        Assert.Equal(person.UserId, joined.ActorUserId);

        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == person.UserId);
            Assert.Equal("Erased person", user.DisplayName);
            Assert.Null(user.PhoneNumber);
            Assert.Null(user.PasswordHash);
            Assert.False(await db.Users.AnyAsync(u => u.Email == person.Email));
            Assert.False(await db.OrganisationMembers.AnyAsync(m => m.UserId == person.UserId));
            Assert.False(await db.UserRoles.AnyAsync(r => r.UserId == person.UserId));
            var organisation = await db.Organisations.SingleAsync(o => o.Id == person.OrganisationId);
            Assert.Equal((null, null, null), (organisation.ContactName, organisation.ContactEmail, organisation.ContactPhone));
            var application = await db.Applications.SingleAsync(a => a.Id == person.ApplicationId);
            Assert.Equal((ApplicationStatus.Approved, 12_000m, "Quill peer circles"), (application.Status, application.AmountRequested, application.ProjectTitle));
            Assert.Equal(10_000m, (await db.Decisions.SingleAsync(d => d.ApplicationId == person.ApplicationId)).Amount);
            var email = await db.Outbox.SingleAsync(m => m.ToUserId == person.UserId);
            Assert.Equal((OutboxStatus.Failed, (string?)null), (email.Status, email.ToName));
            Assert.DoesNotContain(person.Name, email.TextBody + email.HtmlBody, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, email.ToAddress, StringComparison.Ordinal);
            Assert.False(await db.OrganisationInvitations.AnyAsync(i => i.Email == person.Email));
            return 0;
        });
        using var signIn = app.CreateBrowserlessClient();
        Assert.Equal(HttpStatusCode.OK, (await signIn.SignInAsync(person.Email)).StatusCode); // refused: the form is shown again
    }

    [Fact]
    public async Task Only_a_platform_administrator_erases_and_never_themselves()
    {
        var person = await PersonAsync();
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.AdminEmail).Select(u => u.Id).SingleAsync());
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var admin = await app.SignedInAsync(DemoDataSeeder.AdminEmail);

        Assert.Equal(HttpStatusCode.Forbidden, (await funder.GetAsync(new Uri($"/platform/people/{person.UserId}/erase", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri($"/platform/people/{adminId}/erase", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(new Uri("/platform/people/no-such-person/erase", UriKind.Relative))).StatusCode);
        Assert.True(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == person.Email)));
    }
}
