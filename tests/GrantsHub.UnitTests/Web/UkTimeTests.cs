using GrantsHub.Web.Infrastructure;

namespace GrantsHub.UnitTests.Web;

public sealed class UkTimeTests
{
    [Theory]
    // Last Sunday of March 2026 (29th): clocks go forward at 01:00 GMT. Noon is BST (UTC+1).
    [InlineData(2026, 3, 29, 12, 0, "2026-03-29T11:00:00Z")]
    [InlineData(2026, 3, 28, 12, 0, "2026-03-28T12:00:00Z")]
    // Last Sunday of October 2026 (25th): clocks go back at 02:00 BST. Noon is GMT again.
    [InlineData(2026, 10, 25, 12, 0, "2026-10-25T12:00:00Z")]
    [InlineData(2026, 10, 24, 12, 0, "2026-10-24T11:00:00Z")]
    public void Uk_wall_clock_times_become_the_right_utc_instant(int y, int m, int d, int h, int min, string utc)
    {
        var instant = UkTime.FromLocal(new DateTime(y, m, d, h, min, 0, DateTimeKind.Unspecified));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), instant);
        Assert.Equal(TimeSpan.Zero, instant.Offset);
    }

    [Fact]
    public void A_time_in_the_spring_gap_moves_forward_an_hour()
    {
        // 01:30 on 29 March 2026 does not exist in London.
        var instant = UkTime.FromLocal(new DateTime(2026, 3, 29, 1, 30, 0, DateTimeKind.Unspecified));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void A_time_in_the_repeated_autumn_hour_is_the_first_one()
    {
        // 01:30 on 25 October 2026 happens twice; the earlier is 00:30 UTC (BST).
        var instant = UkTime.FromLocal(new DateTime(2026, 10, 25, 1, 30, 0, DateTimeKind.Unspecified));
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), instant);
    }

    [Fact]
    public void Deadlines_read_in_uk_time_with_the_zone_named()
    {
        Assert.Equal("Sunday 29 March 2026, 12:00pm (BST)", UkTime.Format(new DateTimeOffset(2026, 3, 29, 11, 0, 0, TimeSpan.Zero)));
        Assert.Equal("Sunday 25 October 2026, 12:00pm (GMT)", UkTime.Format(new DateTimeOffset(2026, 10, 25, 12, 0, 0, TimeSpan.Zero)));
        Assert.Equal("25 October 2026", UkTime.FormatDate(new DateTimeOffset(2026, 10, 25, 23, 30, 0, TimeSpan.Zero).AddHours(-1)));
    }

    [Fact]
    public void Money_reads_as_pounds()
    {
        Assert.Equal("£60,000", Display.FormatMoney(60_000m));
        Assert.Equal("£1,234.50", Display.FormatMoney(1_234.5m));
    }

    [Fact]
    public void Points_read_with_up_to_two_decimals_or_a_dash_when_there_are_none()
    {
        Assert.Equal("72.5", Display.FormatPoints(72.50m));
        Assert.Equal("66.67", Display.FormatPoints(66.666m));
        Assert.Equal("100", Display.FormatPoints(100m));
        Assert.Equal("—", Display.FormatPoints(null));
    }
}
