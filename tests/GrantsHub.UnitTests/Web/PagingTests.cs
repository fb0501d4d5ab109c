using GrantsHub.Web.Infrastructure;

namespace GrantsHub.UnitTests.Web;

public sealed class PagingTests
{
    private static readonly int[] Rows = Enumerable.Range(1, 23).ToArray();

    [Theory]
    [InlineData(1, 1, 10)]
    [InlineData(2, 11, 10)]
    [InlineData(3, 21, 3)]
    [InlineData(9, 21, 3)] // past the end: the last page
    [InlineData(0, 1, 10)] // before the start: the first page
    public async Task A_page_read_through_compiled_queries_skips_to_its_rows(int asked, int first, int count)
    {
        var page = await Paging.PageAsync(Rows.Length, asked, 10, (skip, take) => ValueTask.FromResult(Rows.Skip(skip).Take(take).ToList()));

        Assert.Equal(Enumerable.Range(first, count), page.Items);
        Assert.Equal(3, page.TotalPages);
        Assert.Equal(Math.Clamp(asked, 1, 3), page.Number);
    }

    [Fact]
    public async Task With_no_rows_nothing_is_read_and_there_is_one_empty_page()
    {
        var reads = 0;

        var page = await Paging.PageAsync(0, 4, 10, (_, _) =>
        {
            reads++;
            return ValueTask.FromResult(new List<int>());
        });

        Assert.Equal(0, reads);
        Assert.Empty(page.Items);
        Assert.Equal(1, page.Number);
        Assert.Equal(1, page.TotalPages);
    }
}
