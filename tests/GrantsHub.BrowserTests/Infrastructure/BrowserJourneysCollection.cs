namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>
/// Every browser test runs in this collection: one app and one Chromium for all of them, one test
/// at a time (the app's Hangfire client keeps process-wide state).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserJourneysCollection : ICollectionFixture<AppServer>, ICollectionFixture<Browser>
{
    public const string Name = "Browser journeys";
}
