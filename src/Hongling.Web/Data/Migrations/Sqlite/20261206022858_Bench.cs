using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hongling.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Bench : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Members_Completeness",
                table: "Members",
                columns: new[] { "OrgPath", "LeftOn", "OrganizationId", "Status", "UpdatedAt", "DuesAmount", "PhotoUpdatedAt", "FullMemberOn", "NativePlace", "Occupation", "WorkUnit", "HomeAddress" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Members_Completeness",
                table: "Members");
        }
    }
}
