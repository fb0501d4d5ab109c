namespace GrantsHub.IntegrationTests.Support;

/// <summary>
/// A test that needs PostgreSQL (GRANTSHUB_TEST_POSTGRES). Skipped on a developer machine without it;
/// under CI=true it always runs, so a missing database fails the build instead of hiding the test.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!GrantsHubFactory.OnPostgres && !ci)
        {
            Skip = $"Set {GrantsHubFactory.PostgresVariable} to a PostgreSQL connection string to run this test.";
        }
    }
}
