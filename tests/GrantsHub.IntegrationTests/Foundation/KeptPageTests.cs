using System.Diagnostics.Metrics;
using System.Net;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// The busiest signed-in pages are kept, as sent, until anything in the database changes. A person must never notice:
/// what they see is what a fresh page would show, with forms that work, and only their own.
/// </summary>
public sealed class KeptPageTests : IAsyncLifetime
{
    private readonly GrantsHubFactory _app = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task A_page_seen_again_unchanged_is_sent_as_it_was_with_one_query()
    {
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var first = await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        var counter = _app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        var again = await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));

        Assert.Equal(first, again);
        Assert.Equal(1, counter.Count); // the data's version, nothing else
    }

    [Fact]
    public async Task Views_are_counted_as_kept_or_drawn_so_an_operator_can_see_whether_keeping_pays()
    {
        var meters = _app.Services.GetRequiredService<IMeterFactory>();
        var views = new List<(string Page, string Outcome)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == KeptPageMetrics.ViewsName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            var named = tags.ToArray().ToDictionary(t => t.Key, t => (string)t.Value!);
            lock (views)
            {
                views.Add((named["page"], named["outcome"]));
            }
        });
        listener.Start();
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);

        await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.OrderBy(r => r.Id).FirstAsync();
            round.Title += " (renamed)";
            return await db.SaveChangesAsync();
        });
        await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));

        Assert.Equal([("FunderDashboard.Dashboard", "drawn"), ("FunderDashboard.Dashboard", "kept"), ("FunderDashboard.Dashboard", "drawn")], views);
    }

    [Fact]
    public async Task A_change_saved_by_any_means_shows_at_once()
    {
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Contains("Equality Fund 2026: Round 1", await funder.GetStringAsync(new Uri("/funder", UriKind.Relative)), StringComparison.Ordinal);

        // Not through a page and with no audit entry: only the context's own change record can tell the kept page.
        await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.SingleAsync(r => r.Title == "Equality Fund 2026: Round 1");
            round.Title = "Equality Fund 2026: First round";
            return await db.SaveChangesAsync();
        });

        var page = await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        Assert.Contains("Equality Fund 2026: First round", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Equality Fund 2026: Round 1", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_round_that_closes_shows_as_closed_within_the_minute()
    {
        var now = _app.Clock.GetUtcNow();
        var title = await _app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.Where(r => r.Stage == RoundStage.Published).OrderBy(r => r.Id).FirstAsync();
            round.OpensAt = now.AddDays(-10);
            round.ClosesAt = now.AddSeconds(30);
            await db.SaveChangesAsync();
            return round.Title;
        });
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        Assert.Equal("Open", await StatusOfAsync(funder, title));
        Assert.Equal("Open", await StatusOfAsync(funder, title)); // kept

        _app.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal("Closed", await StatusOfAsync(funder, title));
    }

    [Fact]
    public async Task The_same_person_in_two_browsers_gets_forms_that_work_in_each()
    {
        using var laptop = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        using var phone = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await laptop.GetStringAsync(new Uri("/funder", UriKind.Relative));
        await phone.GetStringAsync(new Uri("/funder", UriKind.Relative));

        // The sign-out form's token on the kept page must be the phone's own, or the phone could not sign out.
        var signedOut = await phone.SubmitFormAsync("/funder", "/account/sign-out", new Dictionary<string, string>());

        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        var afterwards = await laptop.GetAsync(new Uri("/funder", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, afterwards.StatusCode);
    }

    // Signing in does not redraw kept pages (below), so the person in the key is all that keeps one person's page from the other.
    [Fact]
    public async Task One_browser_shared_by_two_people_shows_each_their_own_page()
    {
        using var browser = await _app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        var first = await browser.GetStringAsync(new Uri("/organisation", UriKind.Relative));
        await browser.SubmitFormAsync("/organisation", "/account/sign-out", new Dictionary<string, string>());
        await browser.SignInAsync(DemoDataSeeder.Applicant2Email);

        var second = await browser.GetStringAsync(new Uri("/organisation", UriKind.Relative));

        Assert.NotEqual(first, second);
        var other = await _app.WithDbAsync(db => db.Organisations
            .Where(o => o.Members.Any(m => db.Users.Any(u => u.Id == m.UserId && u.Email == DemoDataSeeder.Applicant2Email)))
            .Select(o => o.Name).FirstAsync());
        Assert.Contains(WebUtility.HtmlEncode(other), second, StringComparison.Ordinal);
    }

    // Every sign-in records its time. On a busy instance people sign in all the time, and that alone must not redraw
    // everyone's kept pages.
    [Fact]
    public async Task Someone_else_signing_in_leaves_a_kept_page_kept()
    {
        using var funder = await _app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var first = await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        var counter = _app.Services.GetRequiredService<QueryCounter>();

        using var applicant = await _app.SignedInAsync(DemoDataSeeder.ApplicantEmail);
        Assert.NotNull(await _app.WithDbAsync(db => db.Users.Where(u => u.Email == DemoDataSeeder.ApplicantEmail).Select(u => u.LastSignInAt).SingleAsync()));
        counter.Reset();
        var again = await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));

        Assert.Equal(first, again);
        Assert.Equal(1, counter.Count);
    }

    [Fact]
    public async Task Only_the_time_of_signing_in_leaves_the_data_version_as_it_was()
    {
        var at = _app.Clock.GetUtcNow();
        var (start, signedIn, renamed) = await _app.WithDbAsync(async db =>
        {
            var start = await db.DataVersionAsync();
            var user = await db.Users.SingleAsync(u => u.Email == DemoDataSeeder.ApplicantEmail);
            user.LastSignInAt = at;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            await db.SaveChangesAsync();
            var signedIn = await db.DataVersionAsync();

            user.LastSignInAt = at.AddMinutes(1);
            user.DisplayName = "Sam Renamed"; // shown on pages: with the sign-in time, still a change
            await db.SaveChangesAsync();
            return (start, signedIn, await db.DataVersionAsync());
        });

        Assert.Equal(start, signedIn);
        Assert.True(renamed > signedIn, "Renaming a person moves the data's version.");

        // A person read elsewhere and attached here: what was read is not known, so it counts as a change.
        var user = await _app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == DemoDataSeeder.ApplicantEmail));
        user.LastSignInAt = at.AddMinutes(2);
        var attached = await _app.WithDbAsync(async db =>
        {
            db.Users.Update(user);
            await db.SaveChangesAsync();
            return await db.DataVersionAsync();
        });
        Assert.True(attached > renamed, "A person attached from elsewhere moves the data's version.");
    }

    [Fact]
    public async Task A_page_is_not_kept_when_keeping_is_off()
    {
        await using var app = new GrantsHubFactory(new Dictionary<string, string?> { ["Pages:KeepUntilChange"] = "false" });
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));
        var counter = app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();

        await funder.GetStringAsync(new Uri("/funder", UriKind.Relative));

        Assert.True(counter.Count > 1, "Drawn afresh, the dashboard reads the funder and its rounds.");
    }

    private static async Task<string> StatusOfAsync(HttpClient client, string roundTitle)
    {
        var page = await client.GetDocumentAsync("/funder");
        var row = page.QuerySelectorAll("tr").Single(tr => tr.QuerySelector("th a")?.TextContent.Trim() == roundTitle);
        return row.QuerySelectorAll("td")[0].TextContent.Trim();
    }
}
