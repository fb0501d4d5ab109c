using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.PostgreSql.Migrations
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
                    RoundId = table.Column<int>(type: "integer", nullable: false),
                    Status = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
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
            // the same transaction, however it is made (see RoundApplicationCount).
            migrationBuilder.Sql(@"
CREATE FUNCTION ""CountRoundApplications""() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE ""RoundApplicationCounts"" SET ""Count"" = ""Count"" - 1 WHERE ""RoundId"" = OLD.""RoundId"" AND ""Status"" = OLD.""Status"";
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO ""RoundApplicationCounts"" (""RoundId"", ""Status"", ""Count"") VALUES (NEW.""RoundId"", NEW.""Status"", 1)
        ON CONFLICT (""RoundId"", ""Status"") DO UPDATE SET ""Count"" = ""RoundApplicationCounts"".""Count"" + 1;
    END IF;
    RETURN NULL;
END $$;");
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnInsert"" AFTER INSERT ON ""Applications""
FOR EACH ROW EXECUTE FUNCTION ""CountRoundApplications""();");
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnDelete"" AFTER DELETE ON ""Applications""
FOR EACH ROW EXECUTE FUNCTION ""CountRoundApplications""();");
            migrationBuilder.Sql(@"
CREATE TRIGGER ""Applications_CountedOnUpdate"" AFTER UPDATE OF ""RoundId"", ""Status"" ON ""Applications""
FOR EACH ROW WHEN (OLD.""RoundId"" IS DISTINCT FROM NEW.""RoundId"" OR OLD.""Status"" IS DISTINCT FROM NEW.""Status"")
EXECUTE FUNCTION ""CountRoundApplications""();");
            migrationBuilder.Sql(@"
INSERT INTO ""RoundApplicationCounts"" (""RoundId"", ""Status"", ""Count"")
SELECT ""RoundId"", ""Status"", COUNT(*) FROM ""Applications"" GROUP BY ""RoundId"", ""Status"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnUpdate"" ON ""Applications"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnDelete"" ON ""Applications"";");
            migrationBuilder.Sql(@"DROP TRIGGER ""Applications_CountedOnInsert"" ON ""Applications"";");
            migrationBuilder.Sql(@"DROP FUNCTION ""CountRoundApplications""();");

            migrationBuilder.DropTable(
                name: "RoundApplicationCounts");
        }
    }
}
