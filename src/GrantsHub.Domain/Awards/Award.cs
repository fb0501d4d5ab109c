using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Awards;

/// <summary>
/// The grant made on an approved application: first an offer the funder sets up and issues, then,
/// once the organisation accepts it, an active award paid in tranches against milestones and reports.
/// </summary>
public class Award : IVersioned
{
    public int Id { get; set; }

    /// <summary>The approved application; one award per application.</summary>
    public int ApplicationId { get; set; }

    public int OrganisationId { get; set; }
    public int RoundId { get; set; }

    /// <summary>The funder of the round, kept here so every funder query filters on one column.</summary>
    public int FunderId { get; set; }

    /// <summary>Human reference, e.g. AW-2026-000123 (the application's number).</summary>
    public required string Reference { get; set; }

    public decimal Amount { get; set; }

    /// <summary>UK calendar dates: the funded work runs from the start to the end date inclusive.</summary>
    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    public AwardStatus Status { get; set; }

    /// <summary>The terms the organisation agrees to, plain text, one condition a line.</summary>
    public string Conditions { get; set; } = "";

    /// <summary>Months between monitoring reports; a final report is always due after the end date.</summary>
    public int ReportIntervalMonths { get; set; } = 6;

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? OfferedAt { get; set; }
    public string? OfferedByUserId { get; set; }

    /// <summary>The organisation must answer by the end of this UK day.</summary>
    public DateOnly? RespondBy { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    /// <summary>The named signatory who accepted the offer on the organisation's behalf.</summary>
    public string? AcceptedByName { get; set; }

    public string? AcceptedByPosition { get; set; }
    public string? AcceptedByUserId { get; set; }
    public DateTimeOffset? DeclinedAt { get; set; }
    public string? DeclineReason { get; set; }

    /// <summary>When the award was closed as Completed, Terminated or Withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; set; }

    public string? CloseReason { get; set; }

    public List<AwardTranche> Tranches { get; set; } = [];
    public List<Milestone> Milestones { get; set; } = [];
    public List<MonitoringReport> Reports { get; set; } = [];
    public List<AwardVariation> Variations { get; set; } = [];
    public Guid Version { get; set; }

    public static string ReferenceFor(int applicationId, DateOnly start) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"AW-{start.Year}-{applicationId:D6}");

    /// <summary>Whether the organisation is still bound by the award: it can report, evidence milestones and ask for variations.</summary>
    public bool IsLive => Status == AwardStatus.Active;

    public void MoveTo(AwardStatus next)
    {
        if (!AwardTransitions.CanMove(Status, next))
        {
            throw new InvalidOperationException($"An award cannot move from {Status} to {next}.");
        }

        Status = next;
    }
}
