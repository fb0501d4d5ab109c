using System.Net;
using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class AccountTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static Dictionary<string, string> Registration(string email, Action<Dictionary<string, string>>? change = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["FullName"] = "Aisha Rahman",
            ["Email"] = email,
            ["Password"] = "Sunflower-2026",
            ["ConfirmPassword"] = "Sunflower-2026",
            ["OrganisationName"] = "Riverside Voices",
            ["LegalForm"] = nameof(LegalForm.RegisteredCharity),
            ["CharityNumber"] = "1164883",
            ["LocalAuthorityCode"] = "E08000021",
            ["IsUserLed"] = "true",
        };
        change?.Invoke(fields);
        return fields;
    }

    private static string NewEmail() => $"person-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Registering_creates_an_applicant_and_their_organisation_and_signs_them_in()
    {
        var email = NewEmail();
        using var client = app.CreateBrowserlessClient();
        var response = await client.SubmitFormAsync("/account/register", "/account/register", Registration(email));

        Assert.Equal("/organisation", response.Headers.Location?.OriginalString);
        var dashboard = await client.GetDocumentAsync("/organisation");
        Assert.Equal(["Riverside Voices"], dashboard.QuerySelectorAll("section[aria-labelledby^='org-'] h2").Select(h => h.TextContent).ToList());

        var saved = await app.WithDbAsync(db => db.OrganisationMembers
            .Where(m => m.Organisation!.Name == "Riverside Voices" && db.Users.Any(u => u.Id == m.UserId && u.Email == email))
            .Select(m => new { m.Role, m.Organisation!.CharityNumber, m.Organisation.IsUserLed, m.Organisation.LocalAuthorityCode })
            .SingleAsync());
        Assert.Equal(MemberRole.Owner, saved.Role);
        Assert.Equal("1164883", saved.CharityNumber);
        Assert.True(saved.IsUserLed);
        Assert.Equal("E08000021", saved.LocalAuthorityCode);
        var roles = await app.WithDbAsync(db => db.UserRoles.Where(r => db.Users.Any(u => u.Id == r.UserId && u.Email == email))
            .Select(r => db.Roles.Single(x => x.Id == r.RoleId).Name).ToListAsync());
        Assert.Equal([Roles.Applicant], roles);
    }

    [Theory]
    [InlineData("CharityNumber", "12AB", "Enter a charity number of 6 or 7 digits, like 1164883")]
    [InlineData("ConfirmPassword", "Different-2026", "The passwords do not match")]
    [InlineData("Email", "not-an-email", "Enter an email address in the right format, like name@example.org")]
    [InlineData("OrganisationName", "", "Enter your organisation's name")]
    public async Task Bad_registration_input_is_explained_beside_the_field_and_in_the_summary_and_nothing_is_saved(string field, string value, string message)
    {
        var email = NewEmail();
        using var client = app.CreateBrowserlessClient();
        var response = await client.SubmitFormAsync("/account/register", "/account/register", Registration(email, f => f[field] = value));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains(message, page.ErrorSummary());
        Assert.Equal(message, page.FieldError(field));
        Assert.Equal($"#{field}", page.QuerySelector("[data-error-summary] a")!.GetAttribute("href"));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_company_must_give_its_company_number()
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.SubmitFormAsync("/account/register", "/account/register",
            Registration(NewEmail(), f => { f["LegalForm"] = nameof(LegalForm.CommunityInterestCompany); f["CharityNumber"] = ""; }));

        var page = await response.ReadDocumentAsync();
        Assert.Equal("Enter your company number: CICs and companies have one", page.FieldError("CompanyNumber"));
    }

    [Fact]
    public async Task An_email_address_can_register_only_once()
    {
        var email = NewEmail();
        using (var first = app.CreateBrowserlessClient())
        {
            await first.SubmitFormAsync("/account/register", "/account/register", Registration(email));
        }

        using var second = app.CreateBrowserlessClient();
        var response = await second.SubmitFormAsync("/account/register", "/account/register", Registration(email, f => f["OrganisationName"] = "Second Org"));

        var page = await response.ReadDocumentAsync();
        Assert.Contains("An account with this email address already exists", page.FieldError("Email"), StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Name == "Second Org")));
    }

    [Fact]
    public async Task A_wrong_password_is_refused_with_a_message_that_does_not_say_which_part_was_wrong()
    {
        using var client = app.CreateBrowserlessClient();
        var response = await client.SignInAsync(Web.Infrastructure.DemoDataSeeder.Assessor2Email, "Wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Equal(["The email address or password is not right"], page.ErrorSummary());

        var unknown = await client.SignInAsync("nobody@example.org", "Wrong-password-1");
        Assert.Equal(["The email address or password is not right"], (await unknown.ReadDocumentAsync()).ErrorSummary());
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_even_against_the_right_password()
    {
        var email = NewEmail();
        using (var register = app.CreateBrowserlessClient())
        {
            await register.SubmitFormAsync("/account/register", "/account/register", Registration(email));
        }

        using var client = app.CreateBrowserlessClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.SignInAsync(email, "Not-my-password-1");
        }

        var response = await client.SignInAsync(email, "Sunflower-2026");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadDocumentAsync();
        Assert.Contains("Your account is locked for 15 minutes after 5 failed attempts", page.ErrorSummary().Single(), StringComparison.Ordinal);
        var kinds = await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Summary.Contains(email)).Select(e => e.Kind).ToListAsync());
        Assert.Equal(4, kinds.Count(k => k == AuditKinds.SignInFailed));
        Assert.Equal(2, kinds.Count(k => k == AuditKinds.LockedOut));
    }
}
