using System.Text.RegularExpressions;
using GrantsHub.Domain.Email;
using GrantsHub.Infrastructure.Email;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Reminders;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed partial class EmailTests
{
    [Fact]
    public async Task MailKit_delivers_html_and_plain_text_to_a_real_smtp_server()
    {
        await using var smtp = new TestSmtpServer();
        await using var app = new GrantsHubFactory(smtp.AppSettings());

        var messageId = await app.WithServiceAsync<IEmailSender, string>(sender =>
            sender.SendAsync(new EmailMessage("sam@example.org", "Sam Rivers", "Your grant", "<p>Hello <strong>Sam</strong></p>", "Hello Sam")));

        var received = Assert.Single(smtp.Messages);
        Assert.Equal(messageId, received.MessageId);
        Assert.Equal("Your grant", received.Subject);
        Assert.Equal("sam@example.org", received.To.Mailboxes.Single().Address);
        Assert.Equal("no-reply@grantshub.test", received.From.Mailboxes.Single().Address);
        Assert.Contains("<strong>Sam</strong>", received.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("Hello Sam", received.TextBody?.Trim());
    }

    [Fact]
    public async Task Without_an_smtp_host_messages_are_written_to_the_pickup_folder()
    {
        await using var app = new GrantsHubFactory();

        await app.WithServiceAsync<IEmailSender, string>(sender =>
            sender.SendAsync(new EmailMessage("sam@example.org", null, "Offline", "<p>HTML part</p>", "Text part")));

        var file = Assert.Single(Directory.GetFiles(app.MailDirectory, "*.eml"));
        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Offline", message.Subject);
        Assert.Contains("HTML part", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Text part", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forgotten_password_is_reset_through_the_emailed_link()
    {
        await using var smtp = new TestSmtpServer();
        await using var app = new GrantsHubFactory(smtp.AppSettings());
        using var client = app.CreateBrowserlessClient();

        var sent = await client.SubmitFormAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = DemoDataSeeder.ApplicantEmail });
        Assert.Equal("Check your email", (await sent.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        await app.WithServiceAsync<EmailDispatchJob, int>(job => job.RunAsync(CancellationToken.None));

        var email = Assert.Single(smtp.Messages);
        Assert.Equal("Reset your GrantsHub password", email.Subject);
        Assert.Contains("Dear Sam Rivers", email.TextBody, StringComparison.Ordinal);
        var link = ResetLink().Match(email.TextBody ?? "").Value;
        Assert.Contains(link.Replace("&", "&amp;", StringComparison.Ordinal), email.HtmlBody, StringComparison.Ordinal);

        var path = new Uri(link).PathAndQuery;
        var reset = await client.SubmitFormAsync(path, "/account/reset-password", new Dictionary<string, string>
        {
            ["Email"] = DemoDataSeeder.ApplicantEmail,
            ["Token"] = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query)["token"]!,
            ["Password"] = "A-brand-new-pass-1",
            ["ConfirmPassword"] = "A-brand-new-pass-1",
        });
        Assert.Equal("/account/sign-in", reset.Headers.Location?.OriginalString);

        using var fresh = app.CreateBrowserlessClient();
        Assert.Equal("/home", (await fresh.SignInAsync(DemoDataSeeder.ApplicantEmail, "A-brand-new-pass-1")).Headers.Location?.OriginalString);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await fresh.SignInAsync(DemoDataSeeder.ApplicantEmail)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_email()
    {
        await using var app = new GrantsHubFactory();
        using var client = app.CreateBrowserlessClient();

        var response = await client.SubmitFormAsync("/account/forgot-password", "/account/forgot-password",
            new Dictionary<string, string> { ["Email"] = "nobody@example.org" });

        Assert.Equal("Check your email", (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(0, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    [Fact]
    public async Task While_smtp_is_down_mail_stays_pending_then_goes_exactly_once_when_it_returns()
    {
        var port = TestSmtpServer.FreePort();
        await using var app = new GrantsHubFactory(TestSmtpServer.SettingsFor(port));
        await AddPendingAsync(app, "test:1");

        Assert.Equal(0, await DispatchAsync(app));
        var afterFailure = await app.WithDbAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Pending, afterFailure.Status);
        Assert.Equal(1, afterFailure.Attempts);
        Assert.NotNull(afterFailure.LastError);
        Assert.Equal(app.Clock.GetUtcNow().AddSeconds(30), afterFailure.NextAttemptAt);

        await using var smtp = new TestSmtpServer(port);
        Assert.Equal(0, await DispatchAsync(app)); // not due until the back-off has passed
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(1, await DispatchAsync(app));
        Assert.Equal(0, await DispatchAsync(app));

        Assert.Single(smtp.Messages);
        var sent = await app.WithDbAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(smtp.Messages.Single().MessageId, sent.SmtpMessageId);
        Assert.Equal(app.Clock.GetUtcNow(), sent.SentAt);
    }

    [Fact]
    public async Task A_message_that_keeps_failing_is_marked_failed_after_the_configured_attempts()
    {
        var settings = TestSmtpServer.SettingsFor(TestSmtpServer.FreePort());
        settings["Outbox:MaxAttempts"] = "3";
        await using var app = new GrantsHubFactory(settings);
        await AddPendingAsync(app, "test:2");

        for (var i = 0; i < 3; i++)
        {
            await DispatchAsync(app);
            app.Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await app.WithDbAsync(db => db.Outbox.SingleAsync());
        Assert.Equal(OutboxStatus.Failed, row.Status);
        Assert.Equal(3, row.Attempts);
    }

    [Fact]
    public async Task The_same_outbox_key_is_written_once()
    {
        await using var app = new GrantsHubFactory();
        Assert.True(await AddPendingAsync(app, "test:same"));
        Assert.False(await AddPendingAsync(app, "test:same"));
        Assert.Equal(1, await app.WithDbAsync(db => db.Outbox.CountAsync()));
    }

    private static Task<int> DispatchAsync(GrantsHubFactory app) =>
        app.WithServiceAsync<EmailDispatchJob, int>(job => job.RunAsync(CancellationToken.None));

    private static Task<bool> AddPendingAsync(GrantsHubFactory app, string key) =>
        app.WithServiceAsync<IServiceProvider, bool>(async services =>
        {
            var outbox = services.GetRequiredService<Outbox>();
            var added = await outbox.AddAsync(key, "Test", "sam@example.org", "Sam", null, "/Features/Account/Emails/PasswordReset",
                new Web.Features.Account.PasswordResetEmail { Subject = "Test", RecipientName = "Sam", ResetUrl = "http://localhost/x" });
            await services.GetRequiredService<GrantsHub.Infrastructure.Persistence.GrantsHubDbContext>().SaveChangesAsync();
            return added;
        });

    [GeneratedRegex(@"http://localhost/account/reset-password\?\S+")]
    private static partial Regex ResetLink();
}
