using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GrantsHub.Infrastructure.Email;

public sealed record EmailMessage(string ToAddress, string? ToName, string Subject, string HtmlBody, string TextBody);

public interface IEmailSender
{
    /// <summary>Sends the message and returns its Message-Id.</summary>
    Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default);
}

/// <summary>
/// Sends through SMTP with MailKit, or, with no SMTP host configured, writes each message as an
/// .eml file to a pickup folder so the app runs offline.
/// </summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment) : IEmailSender
{
    private readonly SmtpOptions _options = options.Value;

    public async Task<string> SendAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        var mime = Build(message);
        if (string.IsNullOrWhiteSpace(_options.Host))
        {
            var dir = Path.IsPathRooted(_options.PickupDirectory)
                ? _options.PickupDirectory
                : Path.Combine(environment.ContentRootPath, _options.PickupDirectory);
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, $"{DateTime.UtcNow:yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await mime.WriteToAsync(file, cancellationToken);
            return mime.MessageId ?? "";
        }

        using var client = new SmtpClient { Timeout = _options.TimeoutSeconds * 1000 };
        var security = _options.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.Auto,
        };
        await client.ConnectAsync(_options.Host, _options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(_options.UserName))
        {
            await client.AuthenticateAsync(_options.UserName, _options.Password ?? "", cancellationToken);
        }

        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
        return mime.MessageId ?? "";
    }

    private MimeMessage Build(EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(_options.FromName, _options.FromAddress));
        mime.To.Add(new MailboxAddress(message.ToName ?? "", message.ToAddress));
        mime.Subject = message.Subject;
        mime.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId(MailboxAddress.Parse(_options.FromAddress).Domain);
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}
