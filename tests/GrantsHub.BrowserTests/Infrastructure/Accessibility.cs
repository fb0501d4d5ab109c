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

    // Each visible radio button and tick box against its visible label: the box must sit on the label's line, just
    // before it. Found wanting on the conflicts page, where a float put the first radio button of each organisation at
    // the far right of the line above its label (axe reads the markup, which was right).
    private const string ControlsApartFromTheirLabels = """
        () => [...document.querySelectorAll('input[type=radio], input[type=checkbox]')]
          .filter(input => input.id && input.offsetParent !== null)
          .flatMap(input => {
            const label = document.querySelector(`label[for="${CSS.escape(input.id)}"]`);
            if (!label || label.offsetParent === null) return [];
            const box = input.getBoundingClientRect(), text = label.getBoundingClientRect();
            if (text.width <= 1 || text.height <= 1) return []; // a label for screen readers only
            const middle = box.top + box.height / 2;
            const onItsLine = middle >= text.top - 4 && middle <= text.bottom + 4;
            const justBefore = box.right <= text.left + 2 && text.left - box.right <= 24;
            return onItsLine && justBefore ? [] : [`#${input.id} (box at ${Math.round(box.left)},${Math.round(box.top)}; label "${label.textContent.trim().slice(0, 40)}" at ${Math.round(text.left)},${Math.round(text.top)})`];
          })
        """;

    /// <summary>
    /// Fails on any axe violation whose impact is serious or critical, naming each rule and element, and on any radio
    /// button or tick box drawn away from its label.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var apart = await page.EvaluateAsync<string[]>(ControlsApartFromTheirLabels);
        Assert.True(apart.Length == 0, $"Radio buttons or tick boxes drawn away from their labels on {page.Url}: {string.Join("; ", apart)}");

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
