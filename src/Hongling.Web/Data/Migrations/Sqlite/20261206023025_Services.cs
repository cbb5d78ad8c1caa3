using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hongling.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Services : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Place",
                table: "VolunteerSignUps",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_ProjectId_Place",
                table: "VolunteerSignUps",
                columns: new[] { "ProjectId", "Place" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_VolunteerSignUps_ProjectId_Place",
                table: "VolunteerSignUps");

            migrationBuilder.DropColumn(
                name: "Place",
                table: "VolunteerSignUps");
        }
    }
}
