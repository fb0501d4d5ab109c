using GrantsHub.Domain.Common;

namespace GrantsHub.Domain.Awards;

public enum TrancheStatus
{
    /// <summary>Not yet payable: waiting for its milestone or its planned date.</summary>
    Scheduled,

    /// <summary>Payable now: its milestone was approved, or (with no milestone) its planned date came.</summary>
    Due,

    Paid,
}

/// <summary>One instalment of an award's payment schedule, optionally gated by a milestone.</summary>
public class AwardTranche : IVersioned
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public Award? Award { get; set; }

    /// <summary>1, 2, 3... in payment order.</summary>
    public int Number { get; set; }

    public decimal Amount { get; set; }

    /// <summary>UK calendar date the funder plans to pay.</summary>
    public DateOnly PlannedDate { get; set; }

    /// <summary>The milestone whose approval releases this tranche, if any.</summary>
    public int? MilestoneId { get; set; }

    /// <summary>Stored Scheduled, Due (milestone approved) or Paid; <see cref="StatusOn"/> adds the clock.</summary>
    public TrancheStatus Status { get; set; }

    /// <summary>When the tranche became payable because its milestone was approved.</summary>
    public DateTimeOffset? DueSince { get; set; }

    public Payment? Payment { get; set; }
    public Guid Version { get; set; }

    /// <summary>A tranche with no milestone falls due on its planned date once the award is live.</summary>
    public TrancheStatus StatusOn(DateOnly today, bool awardLive) => Status switch
    {
        TrancheStatus.Scheduled when awardLive && MilestoneId is null && PlannedDate <= today => TrancheStatus.Due,
        _ => Status,
    };

    /// <summary>Records the payment; refuses a second one. The database also holds one payment per tranche.</summary>
    public Payment RecordPayment(DateOnly paidOn, string reference, string userId, DateTimeOffset now, DateOnly today, bool awardLive)
    {
        if (Status == TrancheStatus.Paid || Payment is not null)
        {
            throw new TranchePaymentException("This tranche has already been paid.");
        }

        if (StatusOn(today, awardLive) != TrancheStatus.Due)
        {
            throw new TranchePaymentException("This tranche is not due for payment yet.");
        }

        Status = TrancheStatus.Paid;
        Payment = new Payment
        {
            AwardId = AwardId, TrancheId = Id, Amount = Amount, PaidOn = paidOn, Reference = reference,
            RecordedAt = now, RecordedByUserId = userId,
        };
        return Payment;
    }
}

/// <summary>Money sent for one tranche. A unique index on <see cref="TrancheId"/> means it can never be paid twice.</summary>
public class Payment
{
    public int Id { get; set; }
    public int AwardId { get; set; }
    public int TrancheId { get; set; }
    public decimal Amount { get; set; }

    /// <summary>UK calendar date the money was sent.</summary>
    public DateOnly PaidOn { get; set; }

    /// <summary>The finance system's reference, e.g. a BACS remittance number.</summary>
    public required string Reference { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
    public required string RecordedByUserId { get; set; }
}

public sealed class TranchePaymentException(string message) : InvalidOperationException(message);
