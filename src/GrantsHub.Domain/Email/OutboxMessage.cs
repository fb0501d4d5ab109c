namespace GrantsHub.Domain.Email;

public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// An email waiting to be sent, or sent. Nothing sends mail directly: writers add a row whose
/// <see cref="Key"/> is unique (kind, subject, recipient, occurrence), so writing the same
/// message twice is impossible, and the dispatcher sends pending rows.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }
    public required string Key { get; set; }
    public required string Kind { get; set; }
    public required string ToAddress { get; set; }
    public string? ToName { get; set; }
    public string? ToUserId { get; set; }
    public required string Subject { get; set; }
    public required string HtmlBody { get; set; }
    public required string TextBody { get; set; }
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public string? SmtpMessageId { get; set; }
    public string? LastError { get; set; }

    /// <summary>The funder the email is about, so its admins can see and retry it; null for platform mail.</summary>
    public int? FunderId { get; set; }

    /// <summary>The page the email points to; with <see cref="ToUserId"/> it is also an in-app notification.</summary>
    public string? LinkUrl { get; set; }

    /// <summary>When the recipient marked the in-app notification as read.</summary>
    public DateTimeOffset? ReadAt { get; set; }
}
