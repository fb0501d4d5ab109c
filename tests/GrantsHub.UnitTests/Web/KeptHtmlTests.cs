using System.Text.Encodings.Web;
using GrantsHub.Web.Infrastructure;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Caching.Memory;

namespace GrantsHub.UnitTests.Web;

public sealed class KeptHtmlTests
{
    private readonly MemoryCache cache = new(new MemoryCacheOptions());
    private int drawn;

    /// <summary>Runs the tag helper as a view would, its content being "figures N" where N counts the times it was drawn.</summary>
    private async Task<string> ViewAsync(string scope, string version)
    {
        var helper = new KeptHtmlTagHelper(cache) { Scope = scope, Version = version };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("kept-html", [], (_, _) =>
        {
            drawn++;
            return Task.FromResult<TagHelperContent>(new DefaultTagHelperContent().AppendHtml($"<p>figures {drawn}</p>"));
        });
        await helper.ProcessAsync(context, output);

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
