namespace GrantsHub.Domain.OpenData;

/// <summary>
/// A funder's awarded grants in the 360Giving standard, generated at one moment. The funder previews a
/// draft, then publishes it; once a funder publishes, each regenerated snapshot is published as it is made.
/// </summary>
public class OpenDataSnapshot
{
    public int Id { get; set; }
    public int FunderId { get; set; }
    public DateTimeOffset GeneratedAt { get; set; }
    public int GrantCount { get; set; }

    /// <summary>The latest <see cref="OpenDataGrant.DateModified"/>: when the published content last changed.</summary>
    public DateTimeOffset? DataModifiedAt { get; set; }

    /// <summary>SHA-256 over every grant's content, so a regeneration that changes nothing is dropped.</summary>
    public required string ContentHash { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    /// <summary>Who published it; null when it was republished automatically after a change.</summary>
    public string? PublishedByUserId { get; set; }
}

/// <summary>One grant of a snapshot, stored ready to stream: its 360Giving JSON object and its row of the flat CSV.</summary>
public class OpenDataGrant
{
    public long Id { get; set; }
    public int SnapshotId { get; set; }

    /// <summary>The 360Giving grant identifier, e.g. 360G-northshire-123.</summary>
    public required string GrantId { get; set; }

    /// <summary>SHA-256 of the grant's content without its dateModified.</summary>
    public required string ContentHash { get; set; }

    /// <summary>When this grant's published content last changed.</summary>
    public DateTimeOffset DateModified { get; set; }

    public required string Json { get; set; }
    public required string CsvRow { get; set; }
}
