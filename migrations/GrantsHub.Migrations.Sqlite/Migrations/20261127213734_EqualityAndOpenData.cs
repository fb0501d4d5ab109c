using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EqualityAndOpenData : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OpenDataSnapshots",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FunderId = table.Column<int>(type: "INTEGER", nullable: false),
                    GeneratedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    GrantCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DataModifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataSnapshots", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenDataSnapshots_Funders_FunderId",
                        column: x => x.FunderId,
                        principalTable: "Funders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataGrants",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<int>(type: "INTEGER", nullable: false),
                    GrantId = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    ContentHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DateModified = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CsvRow = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataGrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenDataGrants_OpenDataSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "OpenDataSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataGrants_SnapshotId_GrantId",
                table: "OpenDataGrants",
                columns: new[] { "SnapshotId", "GrantId" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataSnapshots_FunderId_GeneratedAt",
                table: "OpenDataSnapshots",
                columns: new[] { "FunderId", "GeneratedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OpenDataGrants");

            migrationBuilder.DropTable(
                name: "OpenDataSnapshots");
        }
    }
}
