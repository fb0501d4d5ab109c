using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RoundApplicationCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RoundApplicationCounts",
                columns: table => new
                {
                    RoundId = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundApplicationCounts", x => new { x.RoundId, x.Status });
                    table.ForeignKey(
                        name: "FK_RoundApplicationCounts_Rounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "Rounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            // The counts are kept by the database on every insert, delete and change of status or round of an application, in
            // the same transaction, however it is made (see RoundApplicationCount). Rebuilding "Applications" drops these.
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnInsert"" AFTER INSERT ON ""Applications""
BEGIN
    INSERT INTO ""RoundApplicationCounts"" (""RoundId"", ""Status"", ""Count"") VALUES (NEW.""RoundId"", NEW.""Status"", 1)
    ON CONFLICT (""RoundId"", ""Status"") DO UPDATE SET ""Count"" = ""Count"" + 1;
END;");
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnDelete"" AFTER DELETE ON ""Applications""
BEGIN
    UPDATE ""RoundApplicationCounts"" SET ""Count"" = ""Count"" - 1 WHERE ""RoundId"" = OLD.""RoundId"" AND ""Status"" = OLD.""Status"";
END;");
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnUpdate"" AFTER UPDATE OF ""RoundId"", ""Status"" ON ""Applications""
WHEN OLD.""RoundId"" <> NEW.""RoundId"" OR OLD.""Status"" <> NEW.""Status""
BEGIN
    UPDATE ""RoundApplicationCounts"" SET ""Count"" = ""Count"" - 1 WHERE ""RoundId"" = OLD.""RoundId"" AND ""Status"" = OLD.""Status"";
    INSERT INTO ""RoundApplicationCounts"" (""RoundId"", ""Status"", ""Count"") VALUES (NEW.""RoundId"", NEW.""Status"", 1)
    ON CONFLICT (""RoundId"", ""Status"") DO UPDATE SET ""Count"" = ""Count"" + 1;
END;");
            migrationBuilder.Sql(@"
INSERT INTO ""RoundApplicationCounts"" (""RoundId"", ""Status"", ""Count"")
SELECT ""RoundId"", ""Status"", COUNT(*) FROM ""Applications"" GROUP BY ""RoundId"", ""Status"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnUpdate"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnDelete"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnInsert"";");

            migrationBuilder.DropTable(
                name: "RoundApplicationCounts");
        }
    }
}
