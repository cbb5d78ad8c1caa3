using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hongling.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Notify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnceKey",
                table: "Notifications",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OnceKey",
                table: "Notifications",
                column: "OnceKey",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Notifications_OnceKey",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "OnceKey",
                table: "Notifications");
        }
    }
}
