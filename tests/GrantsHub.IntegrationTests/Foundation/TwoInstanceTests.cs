using System.Net;
using GrantsHub.IntegrationTests.Applications;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Foundation;

/// <summary>
/// Two app instances running at once on one database and one file store, with every request going to the
/// other instance than the one before (round-robin, as nginx does): a person signs in, fills in forms and
/// uploads a file without noticing which instance answers.
/// </summary>
public sealed class TwoInstanceTests
{
    /// <summary>Sends each request to the next instance in turn and counts what each one served.</summary>
    private sealed class RoundRobin(params HttpMessageHandler[] instances) : HttpMessageHandler
    {
        private readonly HttpMessageInvoker[] _invokers = [.. instances.Select(i => new HttpMessageInvoker(i, disposeHandler: true))];
        private int _next;

        public int[] Served { get; } = new int[instances.Length];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var which = _next++ % _invokers.Length;
            Served[which]++;
            return _invokers[which].SendAsync(request, cancellationToken);
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                foreach (var invoker in _invokers)
                {
                    invoker.Dispose();
                }
            }

            base.Dispose(disposing);
        }
    }

    [Fact]
    public async Task Sign_in_forms_and_uploads_work_when_each_request_goes_to_the_other_instance()
    {
        var shared = Path.Combine(Path.GetTempPath(), "grantshub-tests", Guid.NewGuid().ToString("N"));
        var first = new GrantsHubFactory(sharedDirectory: shared);
        _ = first.Services; // the first instance migrates and seeds before the second starts
        var second = new GrantsHubFactory(sharedDirectory: shared);
        _ = second.Services;
        try
        {
            var balancer = new RoundRobin(first.Server.CreateHandler(), second.Server.CreateHandler());
            using var client = new HttpClient(new CookieContainerHandler { InnerHandler = balancer }) { BaseAddress = new Uri("http://localhost") };

            // The sign-in form comes from one instance and is posted to the other: the antiforgery token and the cookie it sets are honoured by both.
            var signIn = await client.SignInAsync(DemoDataSeeder.ApplicantEmail);
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            var home = await client.GetDocumentAsync("/organisation");
            Assert.Contains(DemoDataSeeder.ApplicantOrganisation, home.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

            // Both instances keep the home page; a change saved through one is shown at once by each.
            await client.GetDocumentAsync("/organisation");
            var roundId = await first.RoundIdAsync();
            var applicationId = await client.StartApplicationAsync(roundId, await first.OrganisationIdAsync());
            for (var i = 0; i < 2; i++)
            {
                var again = await client.GetDocumentAsync("/organisation");
                Assert.NotNull(again.QuerySelector($"a[href='/applications/{applicationId}']"));
            }

            var questionId = await first.QuestionIdAsync(roundId, "Your latest accounts or a budget");
            var sectionId = await first.WithDbAsync(db => db.Questions.Where(q => q.Id == questionId).Select(q => q.SectionId).SingleAsync());
            var saved = await client.SaveSectionAsync(applicationId, sectionId, [("Then", "return")], null, ($"q{questionId}", "Budget 2026.pdf", UploadTests.Pdf));
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            var attachmentId = await second.WithDbAsync(db => db.Attachments.Where(a => a.ApplicationId == applicationId).Select(a => a.Id).SingleAsync());

            // The file uploaded through one instance downloads, the same bytes, from each.
            for (var i = 0; i < 2; i++)
            {
                var download = await client.GetAsync(new Uri($"/applications/{applicationId}/attachments/{attachmentId}", UriKind.Relative));
                Assert.Equal(HttpStatusCode.OK, download.StatusCode);
                Assert.Equal(UploadTests.Pdf, await download.Content.ReadAsByteArrayAsync());
            }

            Assert.All(balancer.Served, served => Assert.True(served >= 4, $"Each instance served at least 4 of the 12 requests (served {string.Join(", ", balancer.Served)})."));
        }
        finally
        {
            await second.DisposeAsync();
            await first.DisposeAsync();
            await first.DeleteStorageAsync();
        }
    }
}
