using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.Sqlite.Migrations
{
    /// <summary>
    /// Nothing for SQLite: the index on tranches by status is PostgreSQL's alone (see GrantsHubDbContext.OnModelCreating).
    /// Kept so that both providers have the same migrations.
    /// </summary>
    public partial class TranchesDueFoundByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
