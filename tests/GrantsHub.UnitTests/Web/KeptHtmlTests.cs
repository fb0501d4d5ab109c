using System.Text.Encodings.Web;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace GrantsHub.UnitTests.Web;

public sealed class KeptHtmlTests
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions());
    private readonly RequestTokens antiforgery = new();
    private int drawn;

    private KeptHtmlTagHelper NewHelper() => new(cache, antiforgery, Options.Create(new AntiforgeryOptions()))
    {
        ViewContext = new ViewContext { HttpContext = new DefaultHttpContext() },
    };

    [Fact]
    public async Task Kept_forms_carry_the_token_of_the_view_they_are_sent_to()
    {
        const string tokenA = "CfDJ8-first-person-token_AAAA";
        const string tokenB = "CfDJ8-second-person-token_BBBB";
        string Form(string token) =>
            $"<form method=\"post\"><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{token}\" /></form>\n<p>figures</p>\n<form><input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"{token}\" /></form>";
        async Task<string> ViewAsync(string token)
        {
            antiforgery.Token = token;
            var helper = NewHelper();
            helper.Scope = "agreement 1";
            helper.Version = "v1";
            var output = new TagHelperOutput("kept-html", [], (_, _) =>
            {
                drawn++;
                return Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml(Form(antiforgery.Token)));
            });
            await helper.ProcessAsync(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);
            await using var writer = new StringWriter();
            output.WriteTo(writer, HtmlEncoder.Default);
            return writer.ToString();
        }

        Assert.Equal(Form(tokenA), await ViewAsync(tokenA));
        Assert.Equal(Form(tokenB), await ViewAsync(tokenB)); // kept, with the second person's token in both forms
        Assert.Equal(1, drawn);
        Assert.Equal(Form(tokenA), await ViewAsync(tokenA));
        Assert.Equal(1, drawn);
    }

    /// <summary>Gives each view the token set in <see cref="Token"/>, as the app's antiforgery gives each request its own.</summary>
    private sealed class RequestTokens : IAntiforgery
    {
        public string Token { get; set; } = "no forms";

        public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext) => new(Token, "cookie", "__RequestVerificationToken", null);

        public AntiforgeryTokenSet GetTokens(HttpContext httpContext) => GetAndStoreTokens(httpContext);

        public Task<bool> IsRequestValidAsync(HttpContext httpContext) => Task.FromResult(false);

        public Task ValidateRequestAsync(HttpContext httpContext) => throw new AntiforgeryValidationException("not in these tests");

        public void SetCookieTokenAndHeader(HttpContext httpContext)
        {
        }
    }

    /// <summary>Runs the tag helper as a view would, its content being "figures N" where N counts the times it was drawn.</summary>
    private async Task<string> ViewAsync(string scope, string version)
    {
        var helper = NewHelper();
        helper.Scope = scope;
        helper.Version = version;
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("kept-html", [], (_, _) =>
        {
            drawn++;
            return Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml($"<p>figures {drawn}</p>"));
        });
        await helper.ProcessAsync(context, output);
        if (!output.IsContentModified) // as a Razor view does: content the helper left alone is drawn as it is
        {
            output.Content.SetHtmlContent(await output.GetChildContentAsync());
        }

        Assert.Null(output.TagName); // the element itself is not sent
        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public async Task The_same_version_is_sent_as_kept_and_a_new_version_is_drawn_afresh()
    {
        Assert.Equal("<p>figures 1</p>", await ViewAsync("funder 1", "v1"));
        Assert.Equal("<p>figures 1</p>", await ViewAsync("funder 1", "v1"));
        Assert.Equal("<p>figures 2</p>", await ViewAsync("funder 1", "v2"));
        Assert.Equal("<p>figures 2</p>", await ViewAsync("funder 1", "v2"));
        Assert.Equal(2, drawn);
    }

    [Fact]
    public async Task Each_scope_keeps_its_own_html_and_only_its_latest_version()
    {
        Assert.Equal("<p>figures 1</p>", await ViewAsync("funder 1", "v1"));
        Assert.Equal("<p>figures 2</p>", await ViewAsync("funder 2", "v1"));
        Assert.Equal("<p>figures 3</p>", await ViewAsync("funder 1", "v2"));
        Assert.Equal("<p>figures 2</p>", await ViewAsync("funder 2", "v1"));

        Assert.Equal(2, cache.Count); // funder 1's first version was replaced, not kept beside the second
        Assert.Equal("<p>figures 4</p>", await ViewAsync("funder 1", "v1")); // an older version is drawn again, not mixed up
    }

    [Theory]
    [InlineData("", "v1")]
    [InlineData("funder 1", "")]
    public async Task Without_a_scope_or_a_version_the_content_is_drawn_on_every_view_and_nothing_is_kept(string scope, string version)
    {
        Assert.Equal("<p>figures 1</p>", await ViewAsync(scope, version));
        Assert.Equal("<p>figures 2</p>", await ViewAsync(scope, version));
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void Kept_html_loses_the_indentation_before_its_tags_and_nothing_else()
    {
        const string drawn = "<table>\n    <tr>\n\t\t<td class=\"text-end\">45.2%</td>\n    </tr>\n</table>\n<p>Each group’s rate\n        against the overall rate of <strong>43.5%</strong>.\n    <a href=\"/x\">Download</a></p>";

        Assert.Equal(
            "<table>\n<tr>\n<td class=\"text-end\">45.2%</td>\n</tr>\n</table>\n<p>Each group’s rate\n        against the overall rate of <strong>43.5%</strong>.\n<a href=\"/x\">Download</a></p>",
            KeptHtml.WithoutIndentation(drawn));
    }

    [Theory]
    [InlineData("<pre>\n    <code>indented</code></pre>")]
    [InlineData("<p>\n    <TEXTAREA>\n    <b>as typed</b></TEXTAREA></p>")]
    public void Kept_html_with_preformatted_white_space_is_kept_as_drawn(string drawn) =>
        Assert.Equal(drawn, KeptHtml.WithoutIndentation(drawn));

    [Fact]
    public async Task What_a_view_draws_is_kept_without_its_indentation()
    {
        var helper = NewHelper();
        helper.Scope = "funder 1";
        helper.Version = "v1";
        var output = new TagHelperOutput("kept-html", [], (_, _) =>
            Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml("<ul>\n        <li>a</li>\n    </ul>")));
        await helper.ProcessAsync(new TagHelperContext([], new Dictionary<object, object>(), "id"), output);

        using var writer = new StringWriter();
        output.WriteTo(writer, HtmlEncoder.Default);
        Assert.Equal("<ul>\n<li>a</li>\n</ul>", writer.ToString());
    }

    [Fact]
    public async Task Kept_html_is_written_asynchronously_in_one_piece()
    {
        var kept = new KeptHtml("v1", "<table>…</table>");
        Assert.IsAssignableFrom<IHtmlAsyncContent>(kept); // what makes the view write it with WriteToAsync
        using var writer = new CountingWriter();
        await kept.WriteToAsync(writer);

        Assert.Equal("<table>…</table>", writer.ToString());
        Assert.Equal(1, writer.AsyncStringWrites);
        Assert.Equal(0, writer.SyncWrites);
    }

    private sealed class CountingWriter : StringWriter
    {
        public int AsyncStringWrites { get; private set; }

        public int SyncWrites { get; private set; }

        public override Task WriteAsync(string? value)
        {
            AsyncStringWrites++;
            GetStringBuilder().Append(value);
            return Task.CompletedTask;
        }

        public override void Write(string? value)
        {
            SyncWrites++;
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            SyncWrites++;
            base.Write(buffer, index, count);
        }
    }
}
