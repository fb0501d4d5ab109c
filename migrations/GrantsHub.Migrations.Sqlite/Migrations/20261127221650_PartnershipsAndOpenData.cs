using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace GrantsHub.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PartnershipsAndOpenData : Migration
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
                name: "PartnershipAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    LeadOrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RenewalTerms = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    SignedDocumentName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    SignedDocumentContentType = table.Column<string>(type: "TEXT", maxLength: 120, nullable: true),
                    SignedDocumentKey = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    SignedDocumentUploadedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedByUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartnershipAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartnershipAgreements_Organisations_LeadOrganisationId",
                        column: x => x.LeadOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
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

            migrationBuilder.CreateTable(
                name: "AgreementAwards",
                columns: table => new
                {
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    AwardId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementAwards", x => new { x.AgreementId, x.AwardId });
                    table.ForeignKey(
                        name: "FK_AgreementAwards_Awards_AwardId",
                        column: x => x.AwardId,
                        principalTable: "Awards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementAwards_PartnershipAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "PartnershipAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AgreementParties",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgreementId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ExternalKind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ExternalName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Role = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Responsibilities = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementParties", x => x.Id);
                    table.CheckConstraint("CK_AgreementParties_OneKind", "(\"OrganisationId\" IS NOT NULL AND \"ExternalName\" IS NULL) OR (\"OrganisationId\" IS NULL AND \"ExternalName\" IS NOT NULL AND \"ExternalKind\" IS NOT NULL)");
                    table.ForeignKey(
                        name: "FK_AgreementParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgreementParties_PartnershipAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "PartnershipAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementAwards_AwardId",
                table: "AgreementAwards",
                column: "AwardId");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_AgreementId_OrganisationId",
                table: "AgreementParties",
                columns: new[] { "AgreementId", "OrganisationId" },
                unique: true,
                filter: "\"OrganisationId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_OrganisationId",
                table: "AgreementParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataGrants_SnapshotId_GrantId",
                table: "OpenDataGrants",
                columns: new[] { "SnapshotId", "GrantId" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataSnapshots_FunderId_GeneratedAt",
                table: "OpenDataSnapshots",
                columns: new[] { "FunderId", "GeneratedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_PartnershipAgreements_LeadOrganisationId",
                table: "PartnershipAgreements",
                column: "LeadOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementAwards");

            migrationBuilder.DropTable(
                name: "AgreementParties");

            migrationBuilder.DropTable(
                name: "OpenDataGrants");

            migrationBuilder.DropTable(
                name: "PartnershipAgreements");

            migrationBuilder.DropTable(
                name: "OpenDataSnapshots");
        }
    }
}
