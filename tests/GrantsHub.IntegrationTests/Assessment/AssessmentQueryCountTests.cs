using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>Assessment pages take a fixed number of queries, however many applications a round has.</summary>
public sealed class AssessmentQueryCountTests(SharedApp app) : IClassFixture<SharedApp>
{
    private async Task<AssessmentScenario> ScoredAsync(int applications)
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications);
        foreach (var email in new[] { DemoDataSeeder.Assessor1Email, DemoDataSeeder.Assessor2Email })
        {
            using var assessor = await app.SignedInAsync(email);
            await scenario.DeclareAsync(assessor);
            foreach (var id in scenario.Applications)
            {
                Assert.Equal(HttpStatusCode.Redirect, (await AssessmentScenario.ScoreAsync(assessor, id, AssessmentScenario.Scores(2, "why", 3, "why"))).StatusCode);
            }
        }

        return scenario;
    }

    private async Task<int> QueriesAsync(HttpClient client, string url)
    {
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(url, UriKind.Relative))).StatusCode); // warm up
        var counter = app.Services.GetRequiredService<QueryCounter>();
        counter.Reset();
        var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return counter.Count;
    }

    [Theory]
    [InlineData("/funder/rounds/{0}/panel")]
    [InlineData("/funder/rounds/{0}/panel/declarations")]
    [InlineData("/funder/rounds/{0}/moderation")]
    [InlineData("/funder/rounds/{0}/decisions")]
    [InlineData("/funder/rounds/{0}/recommendation")]
    public async Task A_funder_page_takes_the_same_number_of_queries_for_two_or_six_applications(string template)
    {
        var small = await ScoredAsync(2);
        var large = await ScoredAsync(6);
        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);

        var forSmall = await QueriesAsync(funder, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, small.RoundId));
        var forLarge = await QueriesAsync(funder, string.Format(System.Globalization.CultureInfo.InvariantCulture, template, large.RoundId));

        Assert.Equal(forSmall, forLarge);
        Assert.InRange(forLarge, 1, 8);
    }

    [Fact]
    public async Task The_assessor_queue_and_application_page_take_a_fixed_number_of_queries()
    {
        var small = await ScoredAsync(2);
        using var assessor = await app.SignedInAsync(DemoDataSeeder.Assessor1Email);
        var queueBefore = await QueriesAsync(assessor, "/assessor");
        var pageSmall = await QueriesAsync(assessor, $"/assessor/applications/{small.Applications[0]}");

        var large = await ScoredAsync(6);

        Assert.Equal(queueBefore, await QueriesAsync(assessor, "/assessor"));
        Assert.Equal(pageSmall, await QueriesAsync(assessor, $"/assessor/applications/{large.Applications[0]}"));
        Assert.InRange(queueBefore, 1, 6);
    }
}
