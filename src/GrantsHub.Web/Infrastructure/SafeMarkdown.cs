using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace GrantsHub.Web.Infrastructure;

/// <summary>
/// Markdown written by funders, turned into HTML that is safe to show anyone: raw HTML in the source
/// is not rendered, and the output passes through an allow-list sanitiser as a second wall.
/// </summary>
public sealed class SafeMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().Build();
    private readonly HtmlSanitizer _sanitizer = new();

    public SafeMarkdown()
    {
        _sanitizer.AllowedSchemes.Clear();
        _sanitizer.AllowedSchemes.Add("https");
        _sanitizer.AllowedSchemes.Add("http");
        _sanitizer.AllowedSchemes.Add("mailto");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedAttributes.Remove("class");
    }

    public IHtmlContent Render(string? markdown) =>
        new HtmlString(_sanitizer.Sanitize(Markdown.ToHtml(markdown ?? "", _pipeline)));
}
