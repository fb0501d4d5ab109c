using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListsInIndexOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_LocalAuthorityCode",
                table: "Organisations");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_LocalAuthorityCode_Name",
                table: "Organisations",
                columns: new[] { "LocalAuthorityCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_Name",
                table: "Organisations",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Applications_RoundId_SubmittedAt_Id",
                table: "Applications",
                columns: new[] { "RoundId", "SubmittedAt", "Id" },
                descending: new[] { false, true, false });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organisations_LocalAuthorityCode_Name",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Organisations_Name",
                table: "Organisations");

            migrationBuilder.DropIndex(
                name: "IX_Applications_RoundId_SubmittedAt_Id",
                table: "Applications");

            migrationBuilder.CreateIndex(
                name: "IX_Organisations_LocalAuthorityCode",
                table: "Organisations",
                column: "LocalAuthorityCode");
        }
    }
}
