using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GrantsHub.Web.Features.Assessment;

/// <summary><c>&lt;points value="x" /&gt;</c>: a 0–100 score with up to two decimals, or a dash when there is none yet.</summary>
[HtmlTargetElement("points", TagStructure = TagStructure.WithoutEndTag)]
public sealed class PointsTagHelper : TagHelper
{
    public decimal? Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetContent(Format(Value));
    }

    public static string Format(decimal? value) => value?.ToString("0.##", UkTime.Culture) ?? "—";
}
