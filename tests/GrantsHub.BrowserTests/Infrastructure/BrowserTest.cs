using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>
/// Base of every browser journey (mark the class [Collection(BrowserJourneysCollection.Name)]): gives each test its own browser contexts against the shared app,
/// closes them afterwards, and saves screenshots where a person can find them.
/// </summary>
public abstract class BrowserTest(AppServer app, Browser browser, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<string> _policyViolations = [];

    protected AppServer App { get; } = app;

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>TestResults/screenshots under the test project's output folder.</summary>
    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    /// <summary>A page in a fresh, signed-out browser context whose relative URLs go to the app.</summary>
    protected async Task<IPage> NewPageAsync()
    {
        var page = await browser.NewPageAsync(App.BaseUrl);
        _contexts.Add(page.Context);
        // Chromium reports anything the Content-Security-Policy blocks as a console error; a journey fails on any.
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _policyViolations.Add($"{page.Url}: {message.Text}");
            }
        };
        return page;
    }

    protected static Task SignInAsync(IPage page, string email) => Journeys.SignInAsync(page, email);

    protected static Task SignOutAsync(IPage page) => Journeys.SignOutAsync(page);

    /// <summary>Saves a full-page PNG named <paramref name="name"/> and writes its path to the test output.</summary>
    protected async Task<string> ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, SafeFileName(name) + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Screenshot of {page.Url}: {path}"));
        return path;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        Assert.True(_policyViolations.Count == 0, "The Content-Security-Policy blocked something:\n" + string.Join("\n", _policyViolations));
    }

    private static string SafeFileName(string name)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string([.. name.Select(c => invalid.Contains(c) || char.IsWhiteSpace(c) ? '-' : c)]);
    }
}
