namespace GrantsHub.Domain.Awards;

public enum VariationKind
{
    /// <summary>Move the award's end date (usually later, for a no-cost extension).</summary>
    ExtendEndDate,

    /// <summary>Move a milestone's due date.</summary>
    MoveMilestone,

    /// <summary>Change the amounts and dates of unpaid tranches; the total stays the award amount.</summary>
    ReprofileTranches,
}

public enum VariationStatus
{
    Requested,
    Approved,
    Rejected,
}

/// <summary>
/// A change to a live award asked for by the organisation with a reason and decided by the funder.
/// Approving applies the change; every request and decision is kept as the award's history.
/// </summary>
public class AwardVariation
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public Award? Award { get; set; }
    public VariationKind Kind { get; set; }
    public required string Reason { get; set; }
    public VariationStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string RequestedByUserId { get; set; }

    /// <summary>For <see cref="VariationKind.ExtendEndDate"/>: the end date asked for.</summary>
    public DateOnly? NewEndDate { get; set; }

    /// <summary>For <see cref="VariationKind.MoveMilestone"/>: which milestone and its new due date.</summary>
    public int? MilestoneId { get; set; }

    public DateOnly? NewDueDate { get; set; }

    /// <summary>For <see cref="VariationKind.ReprofileTranches"/>: the new amount and date of each unpaid tranche.</summary>
    public List<VariationTrancheChange> TrancheChanges { get; set; } = [];

    /// <summary>What the change was, in words, as it stood when requested (e.g. "End date 31 March 2028 → 30 June 2028").</summary>
    public string Summary { get; set; } = "";

    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedByUserId { get; set; }
    public string? DecisionComment { get; set; }
}

/// <summary>One tranche's proposed amount and planned date in a re-profiling variation.</summary>
public class VariationTrancheChange
{
    public int Id { get; set; }
    public int AwardVariationId { get; set; }
    public int TrancheId { get; set; }
    public decimal Amount { get; set; }
    public DateOnly PlannedDate { get; set; }
}

/// <summary>The one place that says how a variation moves.</summary>
public static class VariationRules
{
    public static bool CanDecide(VariationStatus status) => status == VariationStatus.Requested;
}
