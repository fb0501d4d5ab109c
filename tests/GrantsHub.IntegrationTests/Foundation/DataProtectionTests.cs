using System.Net;
using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Foundation;

public sealed class DataProtectionTests
{
    [Fact]
    public async Task A_sign_in_survives_a_restart_and_works_on_a_second_instance_sharing_the_database()
    {
        var shared = Path.Combine(Path.GetTempPath(), "grantshub-tests", Guid.NewGuid().ToString("N"));
        string cookie;
        await using (var first = new GrantsHubFactory(sharedDirectory: shared))
        {
            using var client = first.CreateBrowserlessClient();
            var signIn = await client.SignInAsync(DemoDataSeeder.FunderEmail);
            cookie = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
            Assert.True(await first.WithDbAsync(db => db.DataProtectionKeys.AnyAsync()));
        }

        await using var second = new GrantsHubFactory(sharedDirectory: shared);
        using var other = second.CreateBrowserlessClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/funder");
        request.Headers.Add("Cookie", cookie);
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoDataSeeder.FunderName, (await response.ReadDocumentAsync()).QuerySelector("h1")!.TextContent);
        await second.DisposeAsync();
        await second.DeleteStorageAsync();
    }
}
