using System.Globalization;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GrantsHub.BrowserTests.Infrastructure;

/// <summary>axe-core checks of the page as the browser shows it now.</summary>
public static class Accessibility
{
    private static readonly string[] BlockingImpacts = ["serious", "critical"];

    // Only violations are needed: skipping axe's passes and incomplete lists makes each check much faster.
    private static readonly Deque.AxeCore.Commons.AxeRunOptions Options = new() { ResultTypes = [Deque.AxeCore.Commons.ResultType.Violations] };

    /// <summary>Fails on any axe violation whose impact is serious or critical, naming each rule and element.</summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe(Options);
        var blocking = results.Violations.Where(v => BlockingImpacts.Contains(v.Impact)).ToList();
        if (blocking.Count == 0)
        {
            return;
        }

        var message = new StringBuilder();
        message.AppendLine(CultureInfo.InvariantCulture, $"{blocking.Count} serious or critical accessibility violation(s) on {page.Url}:");
        foreach (var violation in blocking)
        {
            message.AppendLine(CultureInfo.InvariantCulture, $"- {violation.Id} ({violation.Impact}): {violation.Help} {violation.HelpUrl}");
            foreach (var node in violation.Nodes)
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"    at {node.Target}: {node.Html}");
            }
        }

        Assert.Fail(message.ToString());
    }
}
