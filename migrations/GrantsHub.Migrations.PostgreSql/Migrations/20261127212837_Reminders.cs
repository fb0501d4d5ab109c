using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Reminders : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "FunderId",
                table: "Outbox",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LinkUrl",
                table: "Outbox",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadAt",
                table: "Outbox",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FunderReminderSettings",
                columns: table => new
                {
                    FunderId = table.Column<int>(type: "integer", nullable: false),
                    RoundClosingFirstDays = table.Column<int>(type: "integer", nullable: false),
                    RoundClosingFinalDays = table.Column<int>(type: "integer", nullable: false),
                    ScoringDueDays = table.Column<int>(type: "integer", nullable: false),
                    MilestoneDueDays = table.Column<int>(type: "integer", nullable: false),
                    MonitoringReportDueDays = table.Column<int>(type: "integer", nullable: false),
                    AgreementFirstDays = table.Column<int>(type: "integer", nullable: false),
                    AgreementFinalDays = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FunderReminderSettings", x => x.FunderId);
                    table.ForeignKey(
                        name: "FK_FunderReminderSettings_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReminderOptOuts",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderOptOuts", x => new { x.UserId, x.Kind });
                    table.ForeignKey(
                        name: "FK_ReminderOptOuts_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_FunderId_Status_CreatedAt",
                table: "Outbox",
                columns: new[] { "FunderId", "Status", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Outbox_ToUserId_CreatedAt",
                table: "Outbox",
                columns: new[] { "ToUserId", "CreatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FunderReminderSettings");

            migrationBuilder.DropTable(
                name: "ReminderOptOuts");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_FunderId_Status_CreatedAt",
                table: "Outbox");

            migrationBuilder.DropIndex(
                name: "IX_Outbox_ToUserId_CreatedAt",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "FunderId",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "LinkUrl",
                table: "Outbox");

            migrationBuilder.DropColumn(
                name: "ReadAt",
                table: "Outbox");
        }
    }
}
