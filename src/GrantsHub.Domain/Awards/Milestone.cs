using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Awards;

/// <summary>What is stored about a milestone; <see cref="MilestoneStatus.Overdue"/> is added by the clock.</summary>
public enum MilestoneStage
{
    Planned,
    InProgress,
    Submitted,
    Approved,
    ChangesRequested,
}

/// <summary>What people see: the stored stage, or Overdue when the due date passed with no evidence in.</summary>
public enum MilestoneStatus
{
    Planned,
    InProgress,
    Submitted,
    Approved,
    ChangesRequested,
    Overdue,
}

public enum MilestoneAction
{
    /// <summary>The organisation says the work has started.</summary>
    Start,

    /// <summary>The organisation submits evidence.</summary>
    SubmitEvidence,

    /// <summary>The funder approves the evidence; the linked tranche becomes due.</summary>
    Approve,

    /// <summary>The funder asks for more or different evidence.</summary>
    RequestChanges,
}

/// <summary>An agreed step of the funded work, often gating a tranche.</summary>
public class Milestone : IVersioned
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public Award? Award { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";

    /// <summary>UK calendar date; evidence is on time up to the end of this day in London.</summary>
    public DateOnly DueDate { get; set; }

    /// <summary>What is counted, e.g. "People supported", "Sessions run", "Sites open".</summary>
    public required string TargetMeasure { get; set; }

    public int TargetValue { get; set; }
    public MilestoneStage Stage { get; set; }

    /// <summary>The value in the latest evidence submitted.</summary>
    public int? ActualValue { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }
    public List<MilestoneEvidence> Evidence { get; set; } = [];
    public Guid Version { get; set; }

    public MilestoneStatus StatusOn(DateOnly today) => MilestoneRules.StatusOf(Stage, DueDate, today);

    public void Apply(MilestoneAction action)
    {
        Stage = MilestoneRules.Next(Stage, action)
            ?? throw new InvalidOperationException($"A milestone that is {Stage} cannot take the action {action}.");
    }
}

/// <summary>The one place that says how a milestone moves and when it is overdue.</summary>
public static class MilestoneRules
{
    private static readonly Dictionary<(MilestoneStage From, MilestoneAction Action), MilestoneStage> Moves = new()
    {
        [(MilestoneStage.Planned, MilestoneAction.Start)] = MilestoneStage.InProgress,
        [(MilestoneStage.Planned, MilestoneAction.SubmitEvidence)] = MilestoneStage.Submitted,
        [(MilestoneStage.InProgress, MilestoneAction.SubmitEvidence)] = MilestoneStage.Submitted,
        [(MilestoneStage.ChangesRequested, MilestoneAction.SubmitEvidence)] = MilestoneStage.Submitted,
        [(MilestoneStage.Submitted, MilestoneAction.Approve)] = MilestoneStage.Approved,
        [(MilestoneStage.Submitted, MilestoneAction.RequestChanges)] = MilestoneStage.ChangesRequested,
    };

    /// <summary>The stage after the action, or null when it is not allowed.</summary>
    public static MilestoneStage? Next(MilestoneStage from, MilestoneAction action) =>
        Moves.TryGetValue((from, action), out var to) ? to : null;

    public static bool Can(MilestoneStage from, MilestoneAction action) => Next(from, action) is not null;

    /// <summary>Overdue once the UK date is past the due date and the organisation still owes evidence.</summary>
    public static MilestoneStatus StatusOf(MilestoneStage stage, DateOnly dueDate, DateOnly today) =>
        stage is MilestoneStage.Planned or MilestoneStage.InProgress or MilestoneStage.ChangesRequested && today > dueDate
            ? MilestoneStatus.Overdue
            : (MilestoneStatus)stage;
}

public enum ReviewOutcome
{
    Approved,
    ChangesRequested,
}

/// <summary>One submission of evidence for a milestone; every submission and its review is kept.</summary>
public class MilestoneEvidence
{
    public int Id { get; set; }
    public int MilestoneId { get; set; }
    public required string Narrative { get; set; }
    public int? ActualValue { get; set; }
    public DateTimeOffset SubmittedAt { get; set; }
    public required string SubmittedByUserId { get; set; }
    public ReviewOutcome? Outcome { get; set; }
    public string? ReviewComment { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedByUserId { get; set; }
    public List<AwardFile> Files { get; set; } = [];
}

/// <summary>A file uploaded as milestone evidence or with a monitoring report; content lives in the file store.</summary>
public class AwardFile
{
    public int Id { get; set; }

    /// <summary>The award the file belongs to: every read checks the reader may see this award.</summary>
    public int AwardId { get; set; }

    public int? MilestoneEvidenceId { get; set; }
    public int? MonitoringReportId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string StorageKey { get; set; }
    public required string UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
