using System.ComponentModel.DataAnnotations;

namespace GrantsHub.Infrastructure.Email;

public enum SmtpSecurity
{
    /// <summary>Let MailKit decide: implicit TLS on 465, STARTTLS when offered.</summary>
    Auto,
    None,
    StartTls,
    SslOnConnect,
}

public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    /// <summary>Empty: messages are written as .eml files to <see cref="PickupDirectory"/> instead.</summary>
    public string? Host { get; set; }

    [Range(1, 65535)]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required, EmailAddress]
    public string FromAddress { get; set; } = "no-reply@grantshub.test";

    [Required]
    public string FromName { get; set; } = "GrantsHub";

    /// <summary>Relative to the content root unless absolute.</summary>
    [Required]
    public string PickupDirectory { get; set; } = "data/mail";

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;
}
