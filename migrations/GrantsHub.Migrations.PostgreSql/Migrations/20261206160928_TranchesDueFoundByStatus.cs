using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TranchesDueFoundByStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AwardTranches_Status_MilestoneId_PlannedDate",
                table: "AwardTranches",
                columns: new[] { "Status", "MilestoneId", "PlannedDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AwardTranches_Status_MilestoneId_PlannedDate",
                table: "AwardTranches");
        }
    }
}
