using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class ApplicationsCoverTheirOrganisationByRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_RoundId_Status",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RoundId_Status_OrganisationId",
                table: "Applications",
                columns: new[] { "RoundId", "Status", "OrganisationId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Applications_RoundId_Status_OrganisationId",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RoundId_Status",
                table: "Applications",
                columns: new[] { "RoundId", "Status" });
        }
    }
}
