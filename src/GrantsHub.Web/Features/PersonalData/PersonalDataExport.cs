using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using GrantsHub.Domain.Applications;
using GrantsHub.Infrastructure.Files;
using GrantsHub.Infrastructure.Persistence;
using GrantsHub.Web.Features.Organisations;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.Web.Features.PersonalData;

/// <summary>
/// Everything GrantsHub holds about a person and the organisations they belong to, as a zip of JSON
/// files and the uploaded files. Written straight to the response, one part at a time, so a large
/// export never sits in memory. Never includes another organisation, nor who assessed what.
/// </summary>
public sealed class PersonalDataExport(GrantsHubDbContext db, IFileStore files, OrganisationTrailQuery trail)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new JsonStringEnumConverter() } };

    public async Task WriteAsync(string userId, Stream output, CancellationToken cancellationToken)
    {
        await using var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: null, cancellationToken);
        var person = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new
            {
                u.Id, Name = u.DisplayName, u.Email, Phone = u.PhoneNumber, u.CreatedAt, u.LastSignInAt,
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToList(),
            })
            .SingleAsync(cancellationToken);
        var memberships = await db.OrganisationMembers.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.OrganisationId)
            .Select(m => new { m.OrganisationId, Organisation = m.Organisation!.Name, m.Role, m.JoinedAt })
            .ToListAsync(cancellationToken);
        var organisationIds = memberships.Select(m => m.OrganisationId).ToList();
        var applicationIds = db.Applications.Where(a => organisationIds.Contains(a.OrganisationId)).Select(a => a.Id);

        // Entries about this person that belong to no other organisation: their own actions and sign-in events.
        var aboutThem = await db.AuditEntries.AsNoTracking()
            .Where(e => e.ActorUserId == userId || (e.EntityType == "User" && e.EntityId == userId))
            .Where(e => e.OrganisationId == null || organisationIds.Contains(e.OrganisationId.Value))
            .Where(e => e.ApplicationId == null || applicationIds.Contains(e.ApplicationId.Value))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Kind, e.Summary, e.Before, e.After })
            .ToListAsync(cancellationToken);
        var emails = await db.Outbox.AsNoTracking()
            .Where(m => m.ToUserId == userId || m.ToAddress == person.Email)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { m.Kind, To = m.ToAddress, m.ToName, m.Subject, m.Status, m.CreatedAt, m.SentAt, Body = m.TextBody })
            .ToListAsync(cancellationToken);
        await WriteJsonAsync(zip, "you.json", new { Person = person, Memberships = memberships, AuditEntries = aboutThem, Emails = emails }, cancellationToken);

        foreach (var organisationId in organisationIds)
        {
            await WriteOrganisationAsync(zip, organisationId, cancellationToken);
        }
    }

    private async Task WriteOrganisationAsync(ZipArchive zip, int organisationId, CancellationToken cancellationToken)
    {
        var folder = string.Create(CultureInfo.InvariantCulture, $"organisation-{organisationId}");
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId)
            .Select(o => new
            {
                o.Id, o.Name, o.LegalForm, o.CharityNumber, o.CompanyNumber, o.Postcode, o.LocalAuthorityCode,
                o.IncomeBand, o.IsUserLed, o.IsCommunityLed, o.LedByLivedExperience, o.LedByRacialisedCommunities,
                o.ContactName, o.ContactEmail, o.ContactPhone, o.PublishEqualityData, o.CreatedAt,
                DeiCodes = o.DeiCodes.Select(c => c.Code).ToList(),
                Members = db.OrganisationMembers.Where(m => m.OrganisationId == o.Id)
                    .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { u.DisplayName, u.Email, m.Role, m.JoinedAt }).ToList(),
                Invitations = db.OrganisationInvitations.Where(i => i.OrganisationId == o.Id)
                    .Select(i => new { i.Email, i.CreatedAt, i.ExpiresAt, i.AcceptedAt }).ToList(),
            })
            .SingleAsync(cancellationToken);
        var applications = await db.Applications.AsNoTracking().Where(a => a.OrganisationId == organisationId)
            .OrderBy(a => a.CreatedAt)
            .Select(a => new
            {
                a.Id, a.Reference, Round = a.Round!.Title, Funder = a.Round.Programme!.Funder!.Name, a.ProjectTitle, a.AmountRequested, a.DurationMonths,
                a.Status, Sent = db.Decisions.Any(d => d.ApplicationId == a.Id && d.NotifiedAt != null),
                a.CreatedAt, a.SubmittedAt, a.WithdrawnAt,
                Answers = db.Answers.Where(x => x.ApplicationId == a.Id).Join(db.Questions, x => x.QuestionId, q => q.Id, (x, q) => new { Question = q.Text, x.Value, x.UpdatedAt }).ToList(),
                Files = a.Attachments.OrderBy(f => f.Id).Select(f => new { f.Id, f.FileName, f.ContentType, f.Length, f.UploadedAt, f.StorageKey }).ToList(),
                Decision = db.Decisions.Where(d => d.ApplicationId == a.Id && d.NotifiedAt != null)
                    .Select(d => new { d.Outcome, d.Amount, d.Feedback, d.NotifiedAt }).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var shown = applications.Select(a => new
        {
            a.Id, a.Reference, a.Round, a.Funder, a.ProjectTitle, a.AmountRequested, a.DurationMonths,
            // As on the dashboard: a decision shows once it has been sent.
            Status = (a.Status is ApplicationStatus.Approved or ApplicationStatus.Declined) && !a.Sent ? ApplicationStatus.UnderAssessment : a.Status,
            a.CreatedAt, a.SubmittedAt, a.WithdrawnAt,
            a.Answers, a.Decision,
            Files = a.Files.Select(f => new { f.FileName, f.ContentType, f.Length, f.UploadedAt, InThisZip = FilePath(folder, a.Id, f.Id, f.FileName) }),
        });
        await WriteJsonAsync(zip, $"{folder}/organisation.json", new
        {
            Organisation = organisation,
            Applications = shown,
            History = await trail.AllAsync(organisationId),
        }, cancellationToken);

        foreach (var application in applications)
        {
            foreach (var file in application.Files)
            {
                var content = await files.ReadAsync(file.StorageKey, cancellationToken);
                if (content is null)
                {
                    continue; // Removed by retention after a decline; the JSON still lists it.
                }

                var entry = zip.CreateEntry(FilePath(folder, application.Id, file.Id, file.FileName), CompressionLevel.Fastest);
                await using var stream = await entry.OpenAsync(cancellationToken);
                await stream.WriteAsync(content, cancellationToken);
            }
        }
    }

    private static string FilePath(string folder, int applicationId, int fileId, string fileName) =>
        string.Create(CultureInfo.InvariantCulture, $"{folder}/files/application-{applicationId}/{fileId}-{Path.GetFileName(fileName)}");

    private static async Task WriteJsonAsync(ZipArchive zip, string name, object value, CancellationToken cancellationToken)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var stream = await entry.OpenAsync(cancellationToken);
        await JsonSerializer.SerializeAsync(stream, value, Json, cancellationToken);
    }
}
