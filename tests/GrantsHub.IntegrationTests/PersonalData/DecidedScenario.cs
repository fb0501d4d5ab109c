using System.Globalization;
using System.Net;
using GrantsHub.Domain.Organisations;
using GrantsHub.IntegrationTests.Assessment;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.PersonalData;

/// <summary>
/// Two applications scored by both demo assessors through the real pages, the first moderated and
/// approved by the funder; the demo applicant is a member of the first organisation only.
/// </summary>
public static class DecidedScenario
{
    public static readonly string[] AssessorIdentities = ["Tom Okafor", "Helen Marsh", DemoDataSeeder.Assessor1Email, DemoDataSeeder.Assessor2Email];

    public static async Task<AssessmentScenario> CreateAsync(GrantsHubFactory app, bool notify = true)
    {
        var scenario = await AssessmentScenario.CreateAsync(app, applications: 2);
        using (var assessor1 = await app.SignedInAsync(DemoDataSeeder.Assessor1Email))
        using (var assessor2 = await app.SignedInAsync(DemoDataSeeder.Assessor2Email))
        {
            await scenario.DeclareAsync(assessor1);
            await scenario.DeclareAsync(assessor2);
            foreach (var assessor in new[] { assessor1, assessor2 })
            {
                foreach (var id in scenario.Applications)
                {
                    var scored = await AssessmentScenario.ScoreAsync(assessor, id, AssessmentScenario.Scores(3, "Strong need", 3, "Good reach"));
                    Assert.Equal(HttpStatusCode.Redirect, scored.StatusCode);
                }
            }
        }

        await app.WithDbAsync(async db =>
        {
            var applicant = await db.Users.Where(u => u.Email == DemoDataSeeder.ApplicantEmail).Select(u => u.Id).SingleAsync();
            db.OrganisationMembers.Add(new OrganisationMember { OrganisationId = scenario.Organisations[0], UserId = applicant, JoinedAt = app.Clock.GetUtcNow() });
            return await db.SaveChangesAsync();
        });

        using var funder = await app.SignedInAsync(DemoDataSeeder.FunderEmail);
        var first = scenario.Applications[0];
        var moderation = $"/funder/rounds/{scenario.RoundId}/moderation/applications/{first}";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(moderation, moderation,
            new Dictionary<string, string> { ["ModeratedScore"] = "70", ["Rationale"] = "Agreed at panel" })).StatusCode);
        var list = $"/funder/rounds/{scenario.RoundId}/decisions";
        var decide = $"{list}/{first.ToString(CultureInfo.InvariantCulture)}";
        Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(decide, decide,
            new Dictionary<string, string> { ["Outcome"] = "Approved", ["Amount"] = "20000", ["Feedback"] = "The panel liked your peer-led model." })).StatusCode);
        if (notify)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await funder.SubmitFormAsync(list, $"{list}/notify", new Dictionary<string, string>())).StatusCode);
        }

        return scenario;
    }

    public static Task<string> AssessorIdAsync(GrantsHubFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());
}
