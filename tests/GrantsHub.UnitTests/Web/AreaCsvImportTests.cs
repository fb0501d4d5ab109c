using System.Text;
using GrantsHub.Web.Features.Equality;

namespace GrantsHub.UnitTests.Web;

public sealed class AreaCsvImportTests
{
    private static AreaImportResult Parse(string csv) => AreaCsvImport.Parse(new MemoryStream(Encoding.UTF8.GetBytes(csv)));

    [Fact]
    public void A_good_file_gives_every_area()
    {
        var result = Parse("code,name,region,decile\nE08000021,Newcastle upon Tyne,North East,3\n\"W06000015\",\"Cardiff, City of\",Wales,5\n");

        Assert.Empty(result.Errors);
        Assert.Equal(["E08000021", "W06000015"], result.Areas.Select(a => a.Code));
        Assert.Equal("Cardiff, City of", result.Areas[1].Name);
        Assert.Equal(5, result.Areas[1].DeprivationDecile);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case()
    {
        var result = Parse("Decile,Region,Name,Code\n2,North East,Sunderland,e08000024\n");
        Assert.Equal("E08000024", Assert.Single(result.Areas).Code);
    }

    [Fact]
    public void Every_bad_row_is_reported_by_number_and_nothing_is_imported()
    {
        var result = Parse("code,name,region,decile\nE08000021,Newcastle,North East,3\nX123,Nowhere,North East,11\nE08000021,Again,North East,3\nE08000022,,North East,two\n");

        Assert.Empty(result.Areas);
        Assert.Equal(
        [
            "Row 3: code \"X123\" is not a local authority code like E08000021; decile \"11\" must be a whole number from 1 to 10",
            "Row 4: code E08000021 appears more than once",
            "Row 5: name must be 1 to 120 characters; decile \"two\" must be a whole number from 1 to 10",
        ], result.Errors);
    }

    [Theory]
    [InlineData("", "The file is empty. It needs a header row: code,name,region,decile")]
    [InlineData("code,name,decile\n", "The header row must have the columns code,name,region,decile; region is missing")]
    [InlineData("code,name,region,decile\n", "The file has a header row but no areas")]
    public void A_file_of_the_wrong_shape_says_what_is_wrong(string csv, string error) =>
        Assert.Equal([error], Parse(csv).Errors);
}
