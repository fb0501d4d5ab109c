using GrantsHub.Domain.Common;
using GrantsHub.Domain.Organisations;
using GrantsHub.Domain.Rounds;

namespace GrantsHub.Domain.Applications;

/// <summary>An organisation's application to a round. Named so it never clashes with System types.</summary>
public class GrantApplication : IVersioned
{
    public int Id { get; set; }
    public int RoundId { get; set; }
    public Round? Round { get; set; }
    public int OrganisationId { get; set; }
    public Organisation? Organisation { get; set; }

    /// <summary>Human reference such as GH-2026-000123, given on submission.</summary>
    public string? Reference { get; set; }

    public required string ProjectTitle { get; set; }
    public decimal AmountRequested { get; set; }
    public int DurationMonths { get; set; }
    public ApplicationStatus Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
    public string? SubmittedByUserId { get; set; }
    public string? CreatedByUserId { get; set; }
    public List<Answer> Answers { get; set; } = [];
    public List<Attachment> Attachments { get; set; } = [];
    public Guid Version { get; set; }

    /// <summary>The reference given on submission, e.g. GH-2026-000123.</summary>
    public static string ReferenceFor(int id, DateTimeOffset submittedAt) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"GH-{submittedAt.Year}-{id:D6}");

    public void MoveTo(ApplicationStatus next)
    {
        if (!ApplicationTransitions.CanMove(Status, next))
        {
            throw new InvalidOperationException($"An application cannot move from {Status} to {next}.");
        }

        Status = next;
    }
}
