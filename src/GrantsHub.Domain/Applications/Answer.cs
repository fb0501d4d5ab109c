namespace GrantsHub.Domain.Applications;

/// <summary>
/// An answer to one form question. Values are stored as text in an invariant format: numbers and
/// money as decimals, dates as yyyy-MM-dd, multiple choices one a line, yes/no as "yes" or "no".
/// </summary>
public class Answer
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int QuestionId { get; set; }
    public string Value { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>A file uploaded with an application, held in the file store.</summary>
public class Attachment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }
    public int? QuestionId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }

    /// <summary>The key of the content in the file store.</summary>
    public required string StorageKey { get; set; }

    public required string UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}
