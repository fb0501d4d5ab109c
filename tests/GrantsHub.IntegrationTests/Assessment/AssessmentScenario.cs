using System.Globalization;
using System.Net;
using GrantsHub.Domain.Applications;
using GrantsHub.Domain.Assessment;
using GrantsHub.Domain.Forms;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>
/// A closed round of the demo funder with two criteria (Need 60, Reach 40, scored 0–4), its own
/// organisations and submitted applications, and a panel both demo assessors have joined.
/// Applications are made directly in the database, as the apply flow is built elsewhere.
/// </summary>
public sealed record AssessmentScenario(int RoundId, int PanelId, int[] Applications, int[] Organisations, int Member1, int Member2)
{
    public static async Task<AssessmentScenario> CreateAsync(GrantsHubFactory app, int applications = 3, int required = 2,
        Action<Round>? round = null, decimal[]? requested = null)
    {
        return await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            var programme = await db.Programmes.Where(p => p.Funder!.Name == DemoDataSeeder.FunderName).OrderBy(p => p.Id).FirstAsync();
            var tag = Guid.NewGuid().ToString("N")[..6];
            var r = new Round
            {
                ProgrammeId = programme.Id, Title = $"Assessment round {tag}", OpensAt = now.AddDays(-60), ClosesAt = now.AddDays(-1),
                Budget = 100_000m, MinimumGrant = 1_000m, MaximumGrant = 50_000m, Stage = RoundStage.Published, ScoreMinimum = 0, ScoreMaximum = 4,
                Criteria = [new Criterion { Name = "Need", Weight = 60, Order = 1 }, new Criterion { Name = "Reach", Weight = 40, Order = 2 }],
                Sections = [new FormSection { Title = "About your work", Order = 1, Questions = [new Question { Text = "What will you do?", Type = QuestionType.LongText, Order = 1 }] }],
            };
            round?.Invoke(r);
            db.Rounds.Add(r);
            var organisations = Enumerable.Range(0, applications).Select(i => new Organisation
            {
                Name = $"Org {i} {tag}", LegalForm = LegalForm.RegisteredCharity, IsUserLed = i % 2 == 0, CreatedAt = now, ContactEmail = $"org{i}-{tag}@example.org",
            }).ToList();
            db.Organisations.AddRange(organisations);
            await db.SaveChangesAsync();
            var question = r.Sections[0].Questions[0];
            var apps = organisations.Select((o, i) => new GrantApplication
            {
                RoundId = r.Id, OrganisationId = o.Id, ProjectTitle = $"Project {i} {tag}", AmountRequested = requested?[i] ?? 20_000m, DurationMonths = 12,
                Status = ApplicationStatus.Submitted, CreatedAt = now, UpdatedAt = now, SubmittedAt = now.AddDays(-2).AddMinutes(i),
                Answers = [new Answer { QuestionId = question.Id, Value = $"Peer support groups answer {i} {tag}", UpdatedAt = now }],
            }).ToList();
            db.Applications.AddRange(apps);
            await db.SaveChangesAsync();
            foreach (var a in apps)
            {
                a.Reference = GrantApplication.ReferenceFor(a.Id, a.SubmittedAt!.Value);
            }

            var users = await db.Users.Where(u => u.Email == DemoDataSeeder.Assessor1Email || u.Email == DemoDataSeeder.Assessor2Email).ToDictionaryAsync(u => u.Email!, u => u.Id);
            var panel = new Panel { RoundId = r.Id, RequiredAssessors = required };
            var m1 = new PanelMember { Panel = panel, InvitedEmail = DemoDataSeeder.Assessor1Email, InvitationTokenHash = Guid.NewGuid().ToString("N"), InvitedAt = now, UserId = users[DemoDataSeeder.Assessor1Email], AcceptedAt = now };
            var m2 = new PanelMember { Panel = panel, InvitedEmail = DemoDataSeeder.Assessor2Email, InvitationTokenHash = Guid.NewGuid().ToString("N"), InvitedAt = now, UserId = users[DemoDataSeeder.Assessor2Email], AcceptedAt = now };
            db.PanelMembers.AddRange(m1, m2);
            await db.SaveChangesAsync();
            return new AssessmentScenario(r.Id, panel.Id, apps.Select(a => a.Id).ToArray(), organisations.Select(o => o.Id).ToArray(), m1.Id, m2.Id);
        });
    }

    /// <summary>The assessor declares through the form: a conflict with each organisation given, no conflict with the rest.</summary>
    public async Task<HttpResponseMessage> DeclareAsync(HttpClient assessor, params int[] conflictedOrganisations)
    {
        var url = $"/assessor/rounds/{RoundId}/conflicts";
        var response = await assessor.SubmitFormAsync(url, url, DeclarationFields(await assessor.GetDocumentAsync(url), conflictedOrganisations));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    /// <summary>The declarations form's fields for the organisations listed on <paramref name="page"/>: a conflict with each given, no conflict with the others.</summary>
    public static Dictionary<string, string> DeclarationFields(AngleSharp.Html.Dom.IHtmlDocument page, params int[] conflictedOrganisations)
    {
        var fields = new Dictionary<string, string>();
        foreach (var input in page.QuerySelectorAll("input[name$='.OrganisationId']"))
        {
            var prefix = input.GetAttribute("name")!.Replace(".OrganisationId", "", StringComparison.Ordinal);
            var conflicted = conflictedOrganisations.Contains(int.Parse(input.GetAttribute("value")!, CultureInfo.InvariantCulture));
            fields[$"{prefix}.Conflict"] = conflicted ? "yes" : "no";
            fields[$"{prefix}.Reason"] = conflicted ? "I sit on its board of trustees" : "";
        }

        return fields;
    }

    public static Dictionary<string, string> Scores(int? need, string? needWhy, int? reach, string? reachWhy, ScoringAction action = ScoringAction.Submit)
    {
        var fields = new Dictionary<string, string> { ["Action"] = action.ToString() };
        if (need is { } n) { fields["Rows[0].Value"] = n.ToString(CultureInfo.InvariantCulture); }
        if (needWhy is not null) { fields["Rows[0].Comment"] = needWhy; }
        if (reach is { } r) { fields["Rows[1].Value"] = r.ToString(CultureInfo.InvariantCulture); }
        if (reachWhy is not null) { fields["Rows[1].Comment"] = reachWhy; }
        return fields;
    }

    public static Task<HttpResponseMessage> ScoreAsync(HttpClient assessor, int applicationId, Dictionary<string, string> fields) =>
        assessor.SubmitFormAsync($"/assessor/applications/{applicationId}", $"/assessor/applications/{applicationId}", fields);

    public async Task<List<int>> AssignedToAsync(GrantsHubFactory app, int memberId) =>
        await app.WithDbAsync(db => db.Assignments.Where(a => a.PanelMemberId == memberId && Applications.Contains(a.ApplicationId)).Select(a => a.ApplicationId).OrderBy(a => a).ToListAsync());
}
