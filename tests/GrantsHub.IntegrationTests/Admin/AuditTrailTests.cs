using System.Net;
using GrantsHub.Domain.Auditing;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Admin;

public sealed class AuditTrailTests(SharedApp app) : IClassFixture<SharedApp>
{
    [Fact]
    public async Task A_funder_reads_its_trail_filtered_by_round_and_kind_with_before_and_after()
    {
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Title == "Equality Fund 2026: Round 2").Select(r => r.Id).SingleAsync());
        var eligibility = $"/funder/rounds/{roundId}/eligibility";
        await client.SubmitFormAsync(eligibility, eligibility, new Dictionary<string, string> { ["AllowedTypes"] = "UserLed", ["MaximumAnnualIncome"] = "250000" });

        var page = await client.GetDocumentAsync($"/funder/audit?Round={roundId}&Kind=round.eligibility-changed");

        var row = Assert.Single(page.QuerySelectorAll("tbody tr"));
        Assert.Contains("Priya Shah", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("Eligibility of Equality Fund 2026: Round 2 changed", row.TextContent, StringComparison.Ordinal);
        var cells = row.QuerySelectorAll("code").Select(c => c.TextContent).ToList();
        Assert.Contains("\"Types\":\"UserLed, CommunityLed\"", cells[0], StringComparison.Ordinal);
        Assert.Contains("\"MaximumAnnualIncome\":1000000", cells[0], StringComparison.Ordinal);
        Assert.Contains("\"Types\":\"UserLed\"", cells[1], StringComparison.Ordinal);
        Assert.Contains("\"MaximumAnnualIncome\":250000", cells[1], StringComparison.Ordinal);

        var csv = await client.GetStringAsync(new Uri($"/funder/audit/export.csv?Round={roundId}&Kind=round.eligibility-changed", UriKind.Relative));
        Assert.Equal(2, csv.Trim().Split('\n').Length);
        Assert.Contains("Priya Shah,round.eligibility-changed", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Entries_of_other_funders_and_sign_in_failures_of_others_are_not_shown()
    {
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { ActorName = "Someone else", Kind = "round.created", Summary = "Secret round of another funder", FunderId = 9999, At = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });
        using var client = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var html = await client.GetStringAsync(new Uri("/funder/audit", UriKind.Relative));

        Assert.DoesNotContain("Secret round of another funder", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_trail_is_append_only()
    {
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { ActorName = "A", Kind = "test", Summary = "Original", At = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        var change = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            (await db.AuditEntries.SingleAsync(e => e.Summary == "Original")).Summary = "Rewritten";
            return await db.SaveChangesAsync();
        }));
        var removal = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Summary == "Original"));
            return await db.SaveChangesAsync();
        }));

        Assert.Contains("append-only", change.Message, StringComparison.Ordinal);
        Assert.Contains("append-only", removal.Message, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Summary == "Original")));
    }

    [Fact]
    public async Task Applicants_and_assessors_cannot_open_the_funders_trail()
    {
        foreach (var email in new[] { DemoDataSeeder.ApplicantEmail, DemoDataSeeder.Assessor1Email, DemoDataSeeder.AdminEmail })
        {
            using var client = await app.SignedInAsync(email);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(new Uri("/funder/audit", UriKind.Relative))).StatusCode);
        }
    }
}
