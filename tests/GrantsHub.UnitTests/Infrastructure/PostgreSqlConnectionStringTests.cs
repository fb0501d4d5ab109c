using GrantsHub.Infrastructure.Persistence;
using Npgsql;

namespace GrantsHub.UnitTests.Infrastructure;

/// <summary>
/// What the app adds to a configured PostgreSQL connection string (automatic preparation, generic plans, no reset on
/// close; why, in <see cref="PersistenceServiceCollectionExtensions.PostgreSqlConnectionString"/>), and that a setting
/// an operator wrote is kept as written.
/// </summary>
public sealed class PostgreSqlConnectionStringTests
{
    private const string Configured = "Host=db.example;Username=grantshub;Password=secret;Database=grantshub";

    private static NpgsqlConnectionStringBuilder Built(string configured) =>
        new(PersistenceServiceCollectionExtensions.PostgreSqlConnectionString(configured));

    [Fact]
    public void A_plain_connection_string_gets_prepared_statements_generic_plans_and_no_reset()
    {
        var built = Built(Configured);

        Assert.Equal(64, built.MaxAutoPrepare);
        Assert.Equal(2, built.AutoPrepareMinUsages);
        Assert.True(built.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=force_generic_plan", built.Options);
        Assert.Equal(("db.example", "grantshub", "secret", "grantshub"), (built.Host, built.Username, built.Password, built.Database));
    }

    [Fact]
    public void Settings_the_operator_wrote_are_kept()
    {
        var built = Built(Configured + ";Max Auto Prepare=0;No Reset On Close=false;Options=-c plan_cache_mode=auto");

        Assert.Equal(0, built.MaxAutoPrepare);
        Assert.False(built.NoResetOnClose);
        Assert.Equal("-c plan_cache_mode=auto", built.Options);
    }

    [Fact]
    public void Other_server_options_are_kept_beside_the_plan_setting()
    {
        var built = Built(Configured + ";Options=-c statement_timeout=30000;NoResetOnClose=false");

        Assert.Equal("-c statement_timeout=30000 -c plan_cache_mode=force_generic_plan", built.Options);
        Assert.False(built.NoResetOnClose);
    }
}
