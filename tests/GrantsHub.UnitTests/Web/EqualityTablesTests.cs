using GrantsHub.Domain.Equality;
using GrantsHub.Web.Features.Equality;

namespace GrantsHub.UnitTests.Web;

public sealed class EqualityTablesTests
{
    private static GroupFigures Group(string name, int applications) =>
        applications < SmallGroups.Minimum ? GroupFigures.SuppressedGroup(name) : new(name, false, applications, 1m, applications, 1, 100m, 50m, 60m, 0m);

    [Fact]
    public void A_dimension_of_twelve_groups_or_fewer_is_shown_whole_in_its_own_order()
    {
        var groups = Enumerable.Range(1, EqualityTables.GroupsOnDashboard).Select(i => Group($"Area {i:D2}", i == 3 ? 2 : 5 + i)).ToList();
        var dimension = new Dimension("area", "Local authority area", groups);

        Assert.False(EqualityTables.IsLong(dimension));
        Assert.Same(dimension, EqualityTables.OnDashboard(dimension));
    }

    [Fact]
    public void A_longer_one_shows_its_twelve_groups_with_most_applications_largest_first_ties_by_name_and_small_groups_last()
    {
        // Thirty areas in name order: five suppressed, the rest with 5 to 29 applications; two tie on 29.
        var groups = Enumerable.Range(1, 30).Select(i => Group($"Area {i:D2}", i switch { <= 5 => 2, 6 => 29, _ => i - 1 })).ToList();
        var dimension = new Dimension("area", "Local authority area", groups);

        var shown = EqualityTables.OnDashboard(dimension);

        Assert.True(EqualityTables.IsLong(dimension));
        Assert.Equal(["Area 06", "Area 30", "Area 29", "Area 28", "Area 27", "Area 26", "Area 25", "Area 24", "Area 23", "Area 22", "Area 21", "Area 20"],
            shown.Groups.Select(g => g.Group));
        Assert.Equal(30, dimension.Groups.Count); // the whole dimension is left as it was, for the page of all groups
    }

    [Fact]
    public void Outcomes_of_a_long_dimension_show_the_twelve_groups_with_most_awards()
    {
        var groups = Enumerable.Range(1, 20).Select(i => new OutcomeFigures($"Area {i:D2}", i < 4, i < 4 ? 0 : i, 0, 0, null, 0)).ToList();

        var shown = EqualityTables.OnDashboard(new OutcomeDimension("area", "Local authority area", groups));

        Assert.Equal(Enumerable.Range(9, 12).Reverse().Select(i => $"Area {i:D2}"), shown.Groups.Select(g => g.Group));
    }
}
