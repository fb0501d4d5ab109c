using GrantsHub.IntegrationTests.Support;
using GrantsHub.Web.Features.Assessment;
using Microsoft.EntityFrameworkCore;

namespace GrantsHub.IntegrationTests.Assessment;

/// <summary>
/// The assessor's access rule as the database receives it. With the declaration tested in a subquery inside another
/// subquery (of the application), PostgreSQL could not join it: it read every declaration and every application on
/// the instance for each of the queue's queries, about 20 ms each at 58,000 declarations, for an assessor with 35
/// assignments as for one with 962. The declaration must be tested one subquery below the assignment.
/// </summary>
public sealed class AssessorAccessSqlTests(SharedApp app) : IClassFixture<SharedApp>
{
    private static int Count(string sql, string word) => sql.Split(word).Length - 1;

    [Fact]
    public async Task An_assignment_is_checked_against_its_declaration_in_one_subquery()
    {
        var sql = await app.WithDbAsync(db => Task.FromResult(db.VisibleAssignmentsOf("an-assessor").ToQueryString()));

        Assert.Contains("\"ConflictDeclarations\"", sql, StringComparison.Ordinal);
        Assert.Equal(1, Count(sql, "EXISTS"));
    }
}
