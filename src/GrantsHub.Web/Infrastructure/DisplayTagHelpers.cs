using System.Globalization;
using GrantsHub.Domain.Rounds;
using Microsoft.AspNetCore.Razor.TagHelpers;

namespace GrantsHub.Web.Infrastructure;

/// <summary><c>&lt;money value="x" /&gt;</c>: pounds with separators, pence only when there are any.</summary>
[HtmlTargetElement("money", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MoneyTagHelper : TagHelper
{
    public decimal Value { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Content.SetContent(Format(Value));
    }

    public static string Format(decimal value) =>
        value.ToString(value == decimal.Truncate(value) ? "C0" : "C2", UkTime.Culture);
}

/// <summary><c>&lt;uk-time value="instant" /&gt;</c>: a deadline in UK time, machine-readable too.</summary>
[HtmlTargetElement("uk-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class UkTimeTagHelper : TagHelper
{
    public DateTimeOffset Value { get; set; }

    public bool DateOnly { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("datetime", Value.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
        output.Content.SetContent(DateOnly ? UkTime.FormatDate(Value) : UkTime.Format(Value));
    }
}

/// <summary><c>&lt;status-badge status="x" /&gt;</c>: a coloured, readable status.</summary>
[HtmlTargetElement("status-badge", TagStructure = TagStructure.WithoutEndTag)]
public sealed class StatusBadgeTagHelper : TagHelper
{
    public Enum? Status { get; set; }

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        var name = Status?.ToString() ?? "";
        var colour = name switch
        {
            nameof(RoundStatus.Open) or "Approved" or "Sent" or "Active" or "Paid" => "text-bg-success",
            nameof(RoundStatus.Draft) or "Pending" or "Planned" => "text-bg-secondary",
            nameof(RoundStatus.Closed) or "Declined" or "Failed" or "Withdrawn" or "Terminated" or "Overdue" => "text-bg-danger",
            _ => "text-bg-primary",
        };
        output.Attributes.SetAttribute("class", $"badge status-badge {colour}");
        output.Content.SetContent(Humanise(name));
    }

    /// <summary>"InAssessment" → "In assessment".</summary>
    public static string Humanise(string pascal)
    {
        var chars = new System.Text.StringBuilder(pascal.Length + 4);
        for (var i = 0; i < pascal.Length; i++)
        {
            var c = pascal[i];
            if (i > 0 && char.IsUpper(c))
            {
                chars.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                chars.Append(c);
            }
        }

        return chars.ToString();
    }
}

/// <summary>
/// <c>&lt;field-error name="ShareValue" /&gt;</c>: the message for a field bound by name rather than
/// by <c>asp-for</c>, in the same markup as <c>asp-validation-for</c>.
/// </summary>
[HtmlTargetElement("field-error", TagStructure = TagStructure.WithoutEndTag)]
public sealed class FieldErrorTagHelper : TagHelper
{
    [HtmlAttributeNotBound]
    [Microsoft.AspNetCore.Mvc.ViewFeatures.ViewContext]
    public Microsoft.AspNetCore.Mvc.Rendering.ViewContext ViewContext { get; set; } = null!;

    public string Name { get; set; } = "";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        output.TagName = "span";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.SetAttribute("data-valmsg-for", Name);
        var message = ViewContext.ViewData.ModelState.TryGetValue(Name, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;
        output.Attributes.SetAttribute("class", message is null ? "field-validation-valid" : "field-validation-error");
        output.Content.SetContent(message ?? "");
    }
}
