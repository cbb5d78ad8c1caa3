using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hongling.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ActiveMinutes",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Minute = table.Column<long>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActiveMinutes", x => new { x.MemberId, x.Minute });
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    EntityType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityId = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    EntityName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Changes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FriendlyName = table.Column<string>(type: "TEXT", nullable: true),
                    Xml = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ScopeVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScopeVersions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SignInRecords",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false),
                    Failure = table.Column<int>(type: "INTEGER", nullable: true),
                    RemoteIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SignInRecords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Transfers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    FromOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    FromName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ToOrganizationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ToName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SharedPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LetterNumber = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    StartedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Transfers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AccountSessions",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    Ticket = table.Column<byte[]>(type: "BLOB", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSeenAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ExpiresAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UserAgent = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    RemoteIp = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccountSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Activities",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Minutes = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Activities", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ActivityParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Reply = table.Column<int>(type: "INTEGER", nullable: false),
                    LeaveReason = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckedInAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CheckInMethod = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ActivityParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ActivityParticipants_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidApplications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    AmountAsked = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    FeeAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    FromMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    ToMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    Step = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    ApprovedAmount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    ReturnReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AidAttachments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidAttachments_AidApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AidApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AidReviews",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Level = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerOrgId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Decision = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DecidedByAccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AidReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AidReviews_AidApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AidApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AlbumPhotos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AlbumId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Caption = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AlbumPhotos", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Albums",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ActivityId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Albums", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Albums_Activities_ActivityId",
                        column: x => x.ActivityId,
                        principalTable: "Activities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    ClaimType = table.Column<string>(type: "TEXT", nullable: true),
                    ClaimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderKey = table.Column<string>(type: "TEXT", nullable: false),
                    ProviderDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    RoleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    DisplayName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MustChangePassword = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ElderlyMode = table.Column<bool>(type: "INTEGER", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    PasswordHash = table.Column<string>(type: "TEXT", nullable: true),
                    SecurityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumber = table.Column<string>(type: "TEXT", nullable: true),
                    PhoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    LoginProvider = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AttemptItems",
                columns: table => new
                {
                    AttemptId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    QuestionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Keys = table.Column<string>(type: "TEXT", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Answer = table.Column<string>(type: "TEXT", nullable: true),
                    AnswerSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    GradedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AttemptItems", x => new { x.AttemptId, x.Position });
                });

            migrationBuilder.CreateTable(
                name: "Attempts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ExamId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegistrantId = table.Column<int>(type: "INTEGER", nullable: true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Deadline = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AutoSubmitted = table.Column<bool>(type: "INTEGER", nullable: false),
                    GradedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: true),
                    MaxScore = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    Passed = table.Column<bool>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Attempts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BookableResources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Expert = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Field = table.Column<int>(type: "INTEGER", nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: false),
                    Weekdays = table.Column<int>(type: "INTEGER", nullable: false),
                    OpensAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SlotMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AvailableFrom = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AvailableUntil = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CancelHoursBefore = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BookableResources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Bookings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ResourceId = table.Column<int>(type: "INTEGER", nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Seat = table.Column<int>(type: "INTEGER", nullable: false),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ForBranch = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    BookedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    BookedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CancelledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NoShowAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bookings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Bookings_BookableResources_ResourceId",
                        column: x => x.ResourceId,
                        principalTable: "BookableResources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Bulletins",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuerName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    RatesSince = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCurrent = table.Column<bool>(type: "INTEGER", nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    Content = table.Column<string>(type: "TEXT", maxLength: 4000000, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    GeneratedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    GeneratedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Bulletins", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    RatesFromMonth = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmissionMonths = table.Column<int>(type: "INTEGER", nullable: false),
                    Automatic = table.Column<bool>(type: "INTEGER", nullable: false),
                    CompositeWeights = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "BulletinTargets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivitiesPerBranch = table.Column<int>(type: "INTEGER", nullable: false),
                    AlbumPhotosPerBranch = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkUpdatesPerBranch = table.Column<int>(type: "INTEGER", nullable: false),
                    NoticesPerBranch = table.Column<int>(type: "INTEGER", nullable: false),
                    ThoughtReportsPerProbationary = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganSignInRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    OverallSignInRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    AdminSignInRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    CompletenessRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    DuesRate = table.Column<decimal>(type: "TEXT", precision: 5, scale: 4, nullable: false),
                    CatchUpBy = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulletinTargets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CorrectionRequests",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    HandledAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    HandledBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectionRequests", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "DuesPayments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DuesPayments", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Equipment",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Model = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Serial = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    PurchasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    State = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Equipment", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EquipmentStateChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EquipmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    From = table.Column<int>(type: "INTEGER", nullable: true),
                    To = table.Column<int>(type: "INTEGER", nullable: false),
                    ChangedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ChangedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EquipmentStateChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EquipmentStateChanges_Equipment_EquipmentId",
                        column: x => x.EquipmentId,
                        principalTable: "Equipment",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ExamApprovals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ExamId = table.Column<int>(type: "INTEGER", nullable: false),
                    RegistrantId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ApprovedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ApprovedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ExamApprovals", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Exams",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Instructions = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    AudienceStatuses = table.Column<string>(type: "TEXT", nullable: false),
                    OpensAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosesAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    AttemptsAllowed = table.Column<int>(type: "INTEGER", nullable: false),
                    PassMark = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    ShowAnswers = table.Column<int>(type: "INTEGER", nullable: false),
                    Rules = table.Column<string>(type: "TEXT", nullable: false),
                    Fixed = table.Column<string>(type: "TEXT", nullable: false),
                    TotalPoints = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Exams", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FundEntries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Amount = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    BalanceAfter = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    ApplicationId = table.Column<int>(type: "INTEGER", nullable: true),
                    VisitId = table.Column<int>(type: "INTEGER", nullable: true),
                    PaymentMonth = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FundEntries_AidApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "AidApplications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Funds",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Balance = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    EntryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    TuitionPercent = table.Column<decimal>(type: "TEXT", precision: 5, scale: 2, nullable: true),
                    ReviewLevels = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funds", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LectureAttendance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnrolmentId = table.Column<int>(type: "INTEGER", nullable: false),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Method = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LectureAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LectureCourses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Target = table.Column<int>(type: "INTEGER", nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Seats = table.Column<int>(type: "INTEGER", nullable: false),
                    CompletionSessions = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LectureCourses", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "LectureSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LectureSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LectureSessions_LectureCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "LectureCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LectureEnrolments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CourseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    RecruitId = table.Column<int>(type: "INTEGER", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    SeatNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    EnrolledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LectureEnrolments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LectureEnrolments_LectureCourses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "LectureCourses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Lessons",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Lessons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MaterialAudiences",
                columns: table => new
                {
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialAudiences", x => new { x.MaterialId, x.Path });
                });

            migrationBuilder.CreateTable(
                name: "MaterialFiles",
                columns: table => new
                {
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialFiles", x => x.MaterialId);
                });

            migrationBuilder.CreateTable(
                name: "MaterialProgress",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreditedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstOpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastStudiedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MaterialProgress", x => new { x.MemberId, x.MaterialId });
                });

            migrationBuilder.CreateTable(
                name: "Materials",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Column = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Body = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    FileType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FileSize = table.Column<long>(type: "INTEGER", nullable: true),
                    EstimatedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PublishAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Withdrawn = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Materials", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "MemberPhotos",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Thumbnail = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MemberPhotos", x => x.MemberId);
                });

            migrationBuilder.CreateTable(
                name: "Members",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Ethnicity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    IdNumberCipher = table.Column<byte[]>(type: "BLOB", nullable: false),
                    IdNumberHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IdNumberMasked = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    IdNumberTail = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    Education = table.Column<int>(type: "INTEGER", nullable: false),
                    NativePlace = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Degree = table.Column<int>(type: "INTEGER", nullable: true),
                    Occupation = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Position = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    HomeAddress = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    JoinedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FullMemberOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IsFloating = table.Column<bool>(type: "INTEGER", nullable: false),
                    FloatingDirection = table.Column<int>(type: "INTEGER", nullable: true),
                    FloatingPlace = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    FloatingContact = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    FloatingSince = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DuesBase = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    DuesAmount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    CardNumber = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    PhotoUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeftOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Members", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NotificationOptOuts",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Off = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NotificationOptOuts", x => new { x.MemberId, x.Category, x.Channel });
                    table.ForeignKey(
                        name: "FK_NotificationOptOuts_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Organizations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    Path = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Depth = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Introduction = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SecretaryId = table.Column<int>(type: "INTEGER", nullable: true),
                    FoundedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ProfileUpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProfileUpdatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Organizations_Members_SecretaryId",
                        column: x => x.SecretaryId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Organizations_Organizations_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyClocks",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    CoveredUntil = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PendingMs = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyClocks", x => x.MemberId);
                    table.ForeignKey(
                        name: "FK_StudyClocks_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Messages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    AuthorName = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    Body = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    IsPublic = table.Column<bool>(type: "INTEGER", nullable: false),
                    PostedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Reply = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    RepliedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RepliedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Rating = table.Column<int>(type: "INTEGER", nullable: true),
                    RatedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ResponseSeconds = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Messages_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Messages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notices_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 5000, nullable: false),
                    Category = table.Column<int>(type: "INTEGER", nullable: false),
                    Mandatory = table.Column<bool>(type: "INTEGER", nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    ByEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    BySms = table.Column<bool>(type: "INTEGER", nullable: false),
                    ScheduledAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AudienceDescription = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecipientCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Link = table.Column<string>(type: "TEXT", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OnceKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Notifications_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OrgAdministrators",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    IsBackup = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrgAdministrators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrgAdministrators_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrgAdministrators_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "QuestionCategories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    ParentId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionCategories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QuestionCategories_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_QuestionCategories_QuestionCategories_ParentId",
                        column: x => x.ParentId,
                        principalTable: "QuestionCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Recruits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Gender = table.Column<int>(type: "INTEGER", nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    AppliedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ActivistOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CandidateOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AdmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FullOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Recruits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Recruits_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Recruits_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Registrants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    WorkUnit = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Registrants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Registrants_AspNetUsers_AccountId",
                        column: x => x.AccountId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Registrants_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RichTextImages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Image = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Width = table.Column<int>(type: "INTEGER", nullable: false),
                    Height = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AccountId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RichTextImages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RichTextImages_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sites",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Batch = table.Column<int>(type: "INTEGER", nullable: true),
                    BuiltOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Broadband = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AdministratorId = table.Column<int>(type: "INTEGER", nullable: true),
                    OperatorId = table.Column<int>(type: "INTEGER", nullable: true),
                    Volunteers = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sites", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sites_Members_AdministratorId",
                        column: x => x.AdministratorId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Sites_Members_OperatorId",
                        column: x => x.OperatorId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Sites_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudyDays",
                columns: table => new
                {
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    StudyMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    OnlineMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsOpened = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialsCompleted = table.Column<int>(type: "INTEGER", nullable: false),
                    HiddenSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    IdleSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CappedMinutes = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudyDays", x => new { x.MemberId, x.Day });
                    table.ForeignKey(
                        name: "FK_StudyDays_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudyDays_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StudySessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    MaterialId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    OpenedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    LastBeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    FirstBeatAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Beats = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StudySessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StudySessions_Materials_MaterialId",
                        column: x => x.MaterialId,
                        principalTable: "Materials",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudySessions_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_StudySessions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Submissions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Author = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SubmittedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DecidedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    DeclineReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Submissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Submissions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SubmissionSettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    MonthlyQuota = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SubmissionSettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SubmissionSettings_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ThoughtReports",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FileKind = table.Column<int>(type: "INTEGER", nullable: true),
                    File = table.Column<byte[]>(type: "BLOB", nullable: true),
                    SubmittedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CommentedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    CommentedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ThoughtReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ThoughtReports_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ThoughtReports_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Visitors = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Given = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Cash = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: true),
                    FundId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerProjects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudiencePath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AudienceIncludesSubtree = table.Column<bool>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    StartsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndsAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerProjects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerProjects_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "WorkUpdates",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Body = table.Column<string>(type: "TEXT", maxLength: 100000, nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    PublishedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkUpdates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkUpdates_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NoticeReads",
                columns: table => new
                {
                    NoticeId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NoticeReads", x => new { x.NoticeId, x.MemberId });
                    table.ForeignKey(
                        name: "FK_NoticeReads_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_NoticeReads_Notices_NoticeId",
                        column: x => x.NoticeId,
                        principalTable: "Notices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OutboxItems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    NotificationId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Channel = table.Column<int>(type: "INTEGER", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    LeaseUntil = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ProviderId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SentAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ReadAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboxItems_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OutboxItems_Notifications_NotificationId",
                        column: x => x.NotificationId,
                        principalTable: "Notifications",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Questions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Blanks = table.Column<string>(type: "TEXT", nullable: false),
                    CategoryId = table.Column<int>(type: "INTEGER", nullable: false),
                    Difficulty = table.Column<int>(type: "INTEGER", nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Questions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Questions_QuestionCategories_CategoryId",
                        column: x => x.CategoryId,
                        principalTable: "QuestionCategories",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RecruitSteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    RecruitId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RecruitSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RecruitSteps_Recruits_RecruitId",
                        column: x => x.RecruitId,
                        principalTable: "Recruits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SiteMaintenance",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Work = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Cost = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SiteMaintenance", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SiteMaintenance_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SiteMaintenance_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Terminals",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyHint = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    KeyIssuedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPingAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastReportAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ChainHead = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChainSeq = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Terminals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Terminals_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Terminals_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "VolunteerSignUps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    MemberId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    SignedUpAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    WithdrawnAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Place = table.Column<int>(type: "INTEGER", nullable: true),
                    Hours = table.Column<decimal>(type: "TEXT", precision: 6, scale: 1, nullable: true),
                    ConfirmedAt = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConfirmedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VolunteerSignUps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_VolunteerSignUps_Members_MemberId",
                        column: x => x.MemberId,
                        principalTable: "Members",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerSignUps_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_VolunteerSignUps_VolunteerProjects_ProjectId",
                        column: x => x.ProjectId,
                        principalTable: "VolunteerProjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuestionVersions",
                columns: table => new
                {
                    QuestionId = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    Stem = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Options = table.Column<string>(type: "TEXT", nullable: false),
                    Blanks = table.Column<string>(type: "TEXT", nullable: false),
                    Explanation = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuestionVersions", x => new { x.QuestionId, x.Version });
                    table.ForeignKey(
                        name: "FK_QuestionVersions_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ViewingSessions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SiteId = table.Column<int>(type: "INTEGER", nullable: false),
                    TerminalId = table.Column<int>(type: "INTEGER", nullable: true),
                    OrganizationId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrgPath = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    ClientId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    StartedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Month = table.Column<int>(type: "INTEGER", nullable: false),
                    Courseware = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AttendeeCount = table.Column<int>(type: "INTEGER", nullable: true),
                    AttendeeCards = table.Column<string>(type: "TEXT", nullable: false),
                    Manual = table.Column<bool>(type: "INTEGER", nullable: false),
                    EnteredBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ChainSeq = table.Column<long>(type: "INTEGER", nullable: true),
                    PrevHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChainBreak = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Overlapping = table.Column<bool>(type: "INTEGER", nullable: false),
                    Late = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ViewingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ViewingSessions_Organizations_OrganizationId",
                        column: x => x.OrganizationId,
                        principalTable: "Organizations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ViewingSessions_Sites_SiteId",
                        column: x => x.SiteId,
                        principalTable: "Sites",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ViewingSessions_Terminals_TerminalId",
                        column: x => x.TerminalId,
                        principalTable: "Terminals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.InsertData(
                table: "ScopeVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_AccountId",
                table: "AccountSessions",
                column: "AccountId");

            migrationBuilder.CreateIndex(
                name: "IX_AccountSessions_ExpiresAt",
                table: "AccountSessions",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_AudiencePath_StartsAt",
                table: "Activities",
                columns: new[] { "AudiencePath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OrganizationId",
                table: "Activities",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OrgPath",
                table: "Activities",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Activities_OrgPath_CreatedAt",
                table: "Activities",
                columns: new[] { "OrgPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_ActivityId_MemberId",
                table: "ActivityParticipants",
                columns: new[] { "ActivityId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_MemberId",
                table: "ActivityParticipants",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_OrganizationId",
                table: "ActivityParticipants",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ActivityParticipants_OrgPath",
                table: "ActivityParticipants",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_AidApplications_FundId",
                table: "AidApplications",
                column: "FundId");

            migrationBuilder.CreateIndex(
                name: "IX_AidApplications_MemberId",
                table: "AidApplications",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_AidApplications_OrganizationId",
                table: "AidApplications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AidApplications_OrgPath",
                table: "AidApplications",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_AidApplications_Status_ReviewerPath",
                table: "AidApplications",
                columns: new[] { "Status", "ReviewerPath" });

            migrationBuilder.CreateIndex(
                name: "IX_AidAttachments_ApplicationId",
                table: "AidAttachments",
                column: "ApplicationId");

            migrationBuilder.CreateIndex(
                name: "IX_AidReviews_ApplicationId_Order",
                table: "AidReviews",
                columns: new[] { "ApplicationId", "Order" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_AlbumId_Id",
                table: "AlbumPhotos",
                columns: new[] { "AlbumId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_OrganizationId",
                table: "AlbumPhotos",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_OrgPath",
                table: "AlbumPhotos",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_AlbumPhotos_OrgPath_UploadedAt",
                table: "AlbumPhotos",
                columns: new[] { "OrgPath", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Albums_ActivityId",
                table: "Albums",
                column: "ActivityId");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_AudiencePath",
                table: "Albums",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_OrganizationId",
                table: "Albums",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Albums_OrgPath",
                table: "Albums",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_MemberId",
                table: "AspNetUsers",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AttemptItems_QuestionId_QuestionVersion",
                table: "AttemptItems",
                columns: new[] { "QuestionId", "QuestionVersion" });

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_ExamId_AccountId_Number",
                table: "Attempts",
                columns: new[] { "ExamId", "AccountId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_MemberId",
                table: "Attempts",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_OrganizationId",
                table: "Attempts",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_OrgPath",
                table: "Attempts",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_RegistrantId",
                table: "Attempts",
                column: "RegistrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Attempts_State_Deadline",
                table: "Attempts",
                columns: new[] { "State", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_At",
                table: "AuditEntries",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_EntityType_EntityId",
                table: "AuditEntries",
                columns: new[] { "EntityType", "EntityId" });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OrgPath",
                table: "AuditEntries",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_BookableResources_AudiencePath",
                table: "BookableResources",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_BookableResources_OrganizationId",
                table: "BookableResources",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_BookableResources_OrgPath",
                table: "BookableResources",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_MemberId_StartsAt",
                table: "Bookings",
                columns: new[] { "MemberId", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OrganizationId",
                table: "Bookings",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_OrgPath",
                table: "Bookings",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ResourceId_StartsAt_MemberId",
                table: "Bookings",
                columns: new[] { "ResourceId", "StartsAt", "MemberId" },
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bookings_ResourceId_StartsAt_Seat",
                table: "Bookings",
                columns: new[] { "ResourceId", "StartsAt", "Seat" },
                unique: true,
                filter: "\"CancelledAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_AudiencePath",
                table: "Bulletins",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_OrganizationId_Month_Version",
                table: "Bulletins",
                columns: new[] { "OrganizationId", "Month", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_OrgPath",
                table: "Bulletins",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Bulletins_OrgPath_Month",
                table: "Bulletins",
                columns: new[] { "OrgPath", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSettings_OrganizationId",
                table: "BulletinSettings",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulletinSettings_OrgPath",
                table: "BulletinSettings",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_BulletinTargets_OrganizationId_Month",
                table: "BulletinTargets",
                columns: new[] { "OrganizationId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_BulletinTargets_OrgPath",
                table: "BulletinTargets",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_MemberId",
                table: "CorrectionRequests",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_OrganizationId",
                table: "CorrectionRequests",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectionRequests_OrgPath",
                table: "CorrectionRequests",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_MemberId_Month",
                table: "DuesPayments",
                columns: new[] { "MemberId", "Month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_OrganizationId_Month",
                table: "DuesPayments",
                columns: new[] { "OrganizationId", "Month" });

            migrationBuilder.CreateIndex(
                name: "IX_DuesPayments_OrgPath",
                table: "DuesPayments",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_OrganizationId",
                table: "Equipment",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_OrgPath",
                table: "Equipment",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Equipment_SiteId",
                table: "Equipment",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentStateChanges_EquipmentId_ChangedAt",
                table: "EquipmentStateChanges",
                columns: new[] { "EquipmentId", "ChangedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentStateChanges_OrganizationId",
                table: "EquipmentStateChanges",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_EquipmentStateChanges_OrgPath",
                table: "EquipmentStateChanges",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ExamApprovals_ExamId_RegistrantId",
                table: "ExamApprovals",
                columns: new[] { "ExamId", "RegistrantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ExamApprovals_OrganizationId",
                table: "ExamApprovals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ExamApprovals_OrgPath",
                table: "ExamApprovals",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ExamApprovals_RegistrantId",
                table: "ExamApprovals",
                column: "RegistrantId");

            migrationBuilder.CreateIndex(
                name: "IX_Exams_AudiencePath_ClosesAt",
                table: "Exams",
                columns: new[] { "AudiencePath", "ClosesAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Exams_OrganizationId",
                table: "Exams",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Exams_OrgPath",
                table: "Exams",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_ApplicationId_PaymentMonth",
                table: "FundEntries",
                columns: new[] { "ApplicationId", "PaymentMonth" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_FundId_Sequence",
                table: "FundEntries",
                columns: new[] { "FundId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_OrganizationId",
                table: "FundEntries",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_FundEntries_OrgPath",
                table: "FundEntries",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_AudiencePath",
                table: "Funds",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_OrganizationId",
                table: "Funds",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Funds_OrgPath",
                table: "Funds",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_LectureAttendance_EnrolmentId_SessionId",
                table: "LectureAttendance",
                columns: new[] { "EnrolmentId", "SessionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LectureAttendance_SessionId",
                table: "LectureAttendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_LectureCourses_AudiencePath",
                table: "LectureCourses",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_LectureCourses_OrganizationId",
                table: "LectureCourses",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LectureCourses_OrgPath",
                table: "LectureCourses",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_CourseId_MemberId",
                table: "LectureEnrolments",
                columns: new[] { "CourseId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_CourseId_RecruitId",
                table: "LectureEnrolments",
                columns: new[] { "CourseId", "RecruitId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_CourseId_SeatNumber",
                table: "LectureEnrolments",
                columns: new[] { "CourseId", "SeatNumber" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_MemberId",
                table: "LectureEnrolments",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_OrganizationId",
                table: "LectureEnrolments",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_OrgPath",
                table: "LectureEnrolments",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_LectureEnrolments_RecruitId",
                table: "LectureEnrolments",
                column: "RecruitId");

            migrationBuilder.CreateIndex(
                name: "IX_LectureSessions_CourseId_Number",
                table: "LectureSessions",
                columns: new[] { "CourseId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_MaterialId",
                table: "Lessons",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_OrganizationId_ScheduledAt",
                table: "Lessons",
                columns: new[] { "OrganizationId", "ScheduledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Lessons_OrgPath",
                table: "Lessons",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialAudiences_Path",
                table: "MaterialAudiences",
                column: "Path");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialProgress_MaterialId_CompletedAt",
                table: "MaterialProgress",
                columns: new[] { "MaterialId", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MaterialProgress_OrganizationId",
                table: "MaterialProgress",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialProgress_OrgPath",
                table: "MaterialProgress",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_MaterialProgress_OrgPath_CompletedAt",
                table: "MaterialProgress",
                columns: new[] { "OrgPath", "CompletedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Materials_Column_PublishAt",
                table: "Materials",
                columns: new[] { "Column", "PublishAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Materials_OrganizationId",
                table: "Materials",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Materials_OrgPath",
                table: "Materials",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Members_CardNumber",
                table: "Members",
                column: "CardNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_Completeness",
                table: "Members",
                columns: new[] { "OrgPath", "LeftOn", "OrganizationId", "Status", "UpdatedAt", "DuesAmount", "PhotoUpdatedAt", "FullMemberOn", "NativePlace", "Occupation", "WorkUnit", "HomeAddress" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_IdNumberHash",
                table: "Members",
                column: "IdNumberHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Members_IdNumberTail",
                table: "Members",
                column: "IdNumberTail");

            migrationBuilder.CreateIndex(
                name: "IX_Members_Name_LeftOn_OrgPath",
                table: "Members",
                columns: new[] { "Name", "LeftOn", "OrgPath" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrganizationId_Id_LeftOn",
                table: "Members",
                columns: new[] { "OrganizationId", "Id", "LeftOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgPath_LeftOn",
                table: "Members",
                columns: new[] { "OrgPath", "LeftOn" });

            migrationBuilder.CreateIndex(
                name: "IX_Members_OrgPath_LeftOn_Status_OrganizationId_CardNumber",
                table: "Members",
                columns: new[] { "OrgPath", "LeftOn", "Status", "OrganizationId", "CardNumber" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_IsPublic_State_RepliedAt",
                table: "Messages",
                columns: new[] { "IsPublic", "State", "RepliedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Messages_MemberId",
                table: "Messages",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrganizationId",
                table: "Messages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrgPath",
                table: "Messages",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Messages_OrgPath_PostedAt",
                table: "Messages",
                columns: new[] { "OrgPath", "PostedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NoticeReads_MemberId",
                table: "NoticeReads",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_AudiencePath",
                table: "Notices",
                column: "AudiencePath");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_OrganizationId",
                table: "Notices",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_OrgPath",
                table: "Notices",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Notices_OrgPath_PublishedAt",
                table: "Notices",
                columns: new[] { "OrgPath", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_NotificationOptOuts_OrgPath",
                table: "NotificationOptOuts",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OnceKey",
                table: "Notifications",
                column: "OnceKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrganizationId",
                table: "Notifications",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrgPath",
                table: "Notifications",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_OrgPath_CreatedAt",
                table: "Notifications",
                columns: new[] { "OrgPath", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OrgAdministrators_AccountId_OrganizationId",
                table: "OrgAdministrators",
                columns: new[] { "AccountId", "OrganizationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OrgAdministrators_OrganizationId",
                table: "OrgAdministrators",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OrgAdministrators_OrgPath",
                table: "OrgAdministrators",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Code",
                table: "Organizations",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ParentId",
                table: "Organizations",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Path",
                table: "Organizations",
                column: "Path",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SecretaryId",
                table: "Organizations",
                column: "SecretaryId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxItems_Channel_State_NextAttemptAt",
                table: "OutboxItems",
                columns: new[] { "Channel", "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxItems_LeaseOwner",
                table: "OutboxItems",
                column: "LeaseOwner");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxItems_MemberId_Channel_State_SentAt",
                table: "OutboxItems",
                columns: new[] { "MemberId", "Channel", "State", "SentAt" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxItems_NotificationId_Channel_State",
                table: "OutboxItems",
                columns: new[] { "NotificationId", "Channel", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxItems_OrgPath",
                table: "OutboxItems",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionCategories_OrganizationId",
                table: "QuestionCategories",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionCategories_OrgPath",
                table: "QuestionCategories",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_QuestionCategories_ParentId",
                table: "QuestionCategories",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_CategoryId",
                table: "Questions",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_OrganizationId",
                table: "Questions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_OrgPath",
                table: "Questions",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Questions_OrgPath_Type_CategoryId_Difficulty",
                table: "Questions",
                columns: new[] { "OrgPath", "Type", "CategoryId", "Difficulty" });

            migrationBuilder.CreateIndex(
                name: "IX_Recruits_MemberId",
                table: "Recruits",
                column: "MemberId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Recruits_OrganizationId",
                table: "Recruits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Recruits_OrgPath",
                table: "Recruits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_RecruitSteps_RecruitId",
                table: "RecruitSteps",
                column: "RecruitId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrants_AccountId",
                table: "Registrants",
                column: "AccountId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrants_Mobile",
                table: "Registrants",
                column: "Mobile",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Registrants_OrganizationId",
                table: "Registrants",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Registrants_OrgPath",
                table: "Registrants",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_RichTextImages_OrganizationId",
                table: "RichTextImages",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_RichTextImages_OrgPath",
                table: "RichTextImages",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_AccountId_At",
                table: "SignInRecords",
                columns: new[] { "AccountId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_At_Succeeded_OrgPath_MemberId",
                table: "SignInRecords",
                columns: new[] { "At", "Succeeded", "OrgPath", "MemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_SignInRecords_MemberId_At",
                table: "SignInRecords",
                columns: new[] { "MemberId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_SiteMaintenance_OrganizationId",
                table: "SiteMaintenance",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_SiteMaintenance_OrgPath",
                table: "SiteMaintenance",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_SiteMaintenance_SiteId_Date",
                table: "SiteMaintenance",
                columns: new[] { "SiteId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_Sites_AdministratorId",
                table: "Sites",
                column: "AdministratorId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_Code",
                table: "Sites",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OperatorId",
                table: "Sites",
                column: "OperatorId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OrganizationId",
                table: "Sites",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sites_OrgPath",
                table: "Sites",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_StudyDays_OrganizationId",
                table: "StudyDays",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StudyDays_OrgPath",
                table: "StudyDays",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_StudyDays_OrgPath_Day",
                table: "StudyDays",
                columns: new[] { "OrgPath", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_MaterialId",
                table: "StudySessions",
                column: "MaterialId");

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_MemberId_OpenedAt",
                table: "StudySessions",
                columns: new[] { "MemberId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_OrganizationId",
                table: "StudySessions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_OrgPath",
                table: "StudySessions",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_StudySessions_OrgPath_OpenedAt",
                table: "StudySessions",
                columns: new[] { "OrgPath", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OrganizationId",
                table: "Submissions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OrgPath",
                table: "Submissions",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_OrgPath_SubmittedAt",
                table: "Submissions",
                columns: new[] { "OrgPath", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Submissions_State_DecidedAt",
                table: "Submissions",
                columns: new[] { "State", "DecidedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionSettings_OrganizationId",
                table: "SubmissionSettings",
                column: "OrganizationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SubmissionSettings_OrgPath",
                table: "SubmissionSettings",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_KeyHash",
                table: "Terminals",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_OrganizationId",
                table: "Terminals",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_OrgPath",
                table: "Terminals",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Terminals_SiteId",
                table: "Terminals",
                column: "SiteId");

            migrationBuilder.CreateIndex(
                name: "IX_ThoughtReports_MemberId_SubmittedAt",
                table: "ThoughtReports",
                columns: new[] { "MemberId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ThoughtReports_OrganizationId",
                table: "ThoughtReports",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ThoughtReports_OrgPath",
                table: "ThoughtReports",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ThoughtReports_OrgPath_SubmittedAt",
                table: "ThoughtReports",
                columns: new[] { "OrgPath", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_LetterNumber",
                table: "Transfers",
                column: "LetterNumber",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_MemberId",
                table: "Transfers",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_OrgPath",
                table: "Transfers",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_Transfers_SharedPath",
                table: "Transfers",
                column: "SharedPath");

            migrationBuilder.CreateIndex(
                name: "IX_ViewingSessions_Month_OrgPath_Figures",
                table: "ViewingSessions",
                columns: new[] { "Month", "OrgPath", "SiteId", "StartedAt", "EndedAt", "AttendeeCount", "Manual", "Late", "Courseware" });

            migrationBuilder.CreateIndex(
                name: "IX_ViewingSessions_OrganizationId",
                table: "ViewingSessions",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_ViewingSessions_OrgPath",
                table: "ViewingSessions",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_ViewingSessions_SiteId_StartedAt",
                table: "ViewingSessions",
                columns: new[] { "SiteId", "StartedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ViewingSessions_TerminalId_ClientId",
                table: "ViewingSessions",
                columns: new[] { "TerminalId", "ClientId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Visits_MemberId_On",
                table: "Visits",
                columns: new[] { "MemberId", "On" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OrganizationId",
                table: "Visits",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_OrgPath",
                table: "Visits",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProjects_AudiencePath_StartsAt",
                table: "VolunteerProjects",
                columns: new[] { "AudiencePath", "StartsAt" });

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProjects_OrganizationId",
                table: "VolunteerProjects",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerProjects_OrgPath",
                table: "VolunteerProjects",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_MemberId",
                table: "VolunteerSignUps",
                column: "MemberId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_OrganizationId",
                table: "VolunteerSignUps",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_OrgPath",
                table: "VolunteerSignUps",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_ProjectId_MemberId",
                table: "VolunteerSignUps",
                columns: new[] { "ProjectId", "MemberId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VolunteerSignUps_ProjectId_Place",
                table: "VolunteerSignUps",
                columns: new[] { "ProjectId", "Place" },
                unique: true,
                filter: "\"WithdrawnAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_WorkUpdates_Column_PublishedAt",
                table: "WorkUpdates",
                columns: new[] { "Column", "PublishedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkUpdates_OrganizationId",
                table: "WorkUpdates",
                column: "OrganizationId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkUpdates_OrgPath",
                table: "WorkUpdates",
                column: "OrgPath");

            migrationBuilder.CreateIndex(
                name: "IX_WorkUpdates_OrgPath_PublishedAt",
                table: "WorkUpdates",
                columns: new[] { "OrgPath", "PublishedAt" });

            migrationBuilder.AddForeignKey(
                name: "FK_AccountSessions_AspNetUsers_AccountId",
                table: "AccountSessions",
                column: "AccountId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Activities_Organizations_OrganizationId",
                table: "Activities",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ActivityParticipants_Members_MemberId",
                table: "ActivityParticipants",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ActivityParticipants_Organizations_OrganizationId",
                table: "ActivityParticipants",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AidApplications_Funds_FundId",
                table: "AidApplications",
                column: "FundId",
                principalTable: "Funds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AidApplications_Members_MemberId",
                table: "AidApplications",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AidApplications_Organizations_OrganizationId",
                table: "AidApplications",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AlbumPhotos_Albums_AlbumId",
                table: "AlbumPhotos",
                column: "AlbumId",
                principalTable: "Albums",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AlbumPhotos_Organizations_OrganizationId",
                table: "AlbumPhotos",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Albums_Organizations_OrganizationId",
                table: "Albums",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                table: "AspNetUserClaims",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                table: "AspNetUserLogins",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                table: "AspNetUserRoles",
                column: "UserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Members_MemberId",
                table: "AspNetUsers",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_AttemptItems_Attempts_AttemptId",
                table: "AttemptItems",
                column: "AttemptId",
                principalTable: "Attempts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_AttemptItems_QuestionVersions_QuestionId_QuestionVersion",
                table: "AttemptItems",
                columns: new[] { "QuestionId", "QuestionVersion" },
                principalTable: "QuestionVersions",
                principalColumns: new[] { "QuestionId", "Version" },
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attempts_Exams_ExamId",
                table: "Attempts",
                column: "ExamId",
                principalTable: "Exams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attempts_Members_MemberId",
                table: "Attempts",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attempts_Organizations_OrganizationId",
                table: "Attempts",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Attempts_Registrants_RegistrantId",
                table: "Attempts",
                column: "RegistrantId",
                principalTable: "Registrants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BookableResources_Organizations_OrganizationId",
                table: "BookableResources",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Bookings_Members_MemberId",
                table: "Bookings",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Bookings_Organizations_OrganizationId",
                table: "Bookings",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Bulletins_Organizations_OrganizationId",
                table: "Bulletins",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BulletinSettings_Organizations_OrganizationId",
                table: "BulletinSettings",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_BulletinTargets_Organizations_OrganizationId",
                table: "BulletinTargets",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_CorrectionRequests_Members_MemberId",
                table: "CorrectionRequests",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_CorrectionRequests_Organizations_OrganizationId",
                table: "CorrectionRequests",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DuesPayments_Members_MemberId",
                table: "DuesPayments",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_DuesPayments_Organizations_OrganizationId",
                table: "DuesPayments",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Equipment_Organizations_OrganizationId",
                table: "Equipment",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Equipment_Sites_SiteId",
                table: "Equipment",
                column: "SiteId",
                principalTable: "Sites",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_EquipmentStateChanges_Organizations_OrganizationId",
                table: "EquipmentStateChanges",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ExamApprovals_Exams_ExamId",
                table: "ExamApprovals",
                column: "ExamId",
                principalTable: "Exams",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_ExamApprovals_Organizations_OrganizationId",
                table: "ExamApprovals",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_ExamApprovals_Registrants_RegistrantId",
                table: "ExamApprovals",
                column: "RegistrantId",
                principalTable: "Registrants",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Exams_Organizations_OrganizationId",
                table: "Exams",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_Funds_FundId",
                table: "FundEntries",
                column: "FundId",
                principalTable: "Funds",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_FundEntries_Organizations_OrganizationId",
                table: "FundEntries",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Funds_Organizations_OrganizationId",
                table: "Funds",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureAttendance_LectureEnrolments_EnrolmentId",
                table: "LectureAttendance",
                column: "EnrolmentId",
                principalTable: "LectureEnrolments",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureAttendance_LectureSessions_SessionId",
                table: "LectureAttendance",
                column: "SessionId",
                principalTable: "LectureSessions",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureCourses_Organizations_OrganizationId",
                table: "LectureCourses",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureEnrolments_Members_MemberId",
                table: "LectureEnrolments",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureEnrolments_Organizations_OrganizationId",
                table: "LectureEnrolments",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_LectureEnrolments_Recruits_RecruitId",
                table: "LectureEnrolments",
                column: "RecruitId",
                principalTable: "Recruits",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Lessons_Materials_MaterialId",
                table: "Lessons",
                column: "MaterialId",
                principalTable: "Materials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Lessons_Organizations_OrganizationId",
                table: "Lessons",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MaterialAudiences_Materials_MaterialId",
                table: "MaterialAudiences",
                column: "MaterialId",
                principalTable: "Materials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MaterialFiles_Materials_MaterialId",
                table: "MaterialFiles",
                column: "MaterialId",
                principalTable: "Materials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_MaterialProgress_Materials_MaterialId",
                table: "MaterialProgress",
                column: "MaterialId",
                principalTable: "Materials",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MaterialProgress_Members_MemberId",
                table: "MaterialProgress",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MaterialProgress_Organizations_OrganizationId",
                table: "MaterialProgress",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Materials_Organizations_OrganizationId",
                table: "Materials",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_MemberPhotos_Members_MemberId",
                table: "MemberPhotos",
                column: "MemberId",
                principalTable: "Members",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "FK_Members_Organizations_OrganizationId",
                table: "Members",
                column: "OrganizationId",
                principalTable: "Organizations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Members_Organizations_OrganizationId",
                table: "Members");

            migrationBuilder.DropTable(
                name: "AccountSessions");

            migrationBuilder.DropTable(
                name: "ActiveMinutes");

            migrationBuilder.DropTable(
                name: "ActivityParticipants");

            migrationBuilder.DropTable(
                name: "AidAttachments");

            migrationBuilder.DropTable(
                name: "AidReviews");

            migrationBuilder.DropTable(
                name: "AlbumPhotos");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AttemptItems");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "Bookings");

            migrationBuilder.DropTable(
                name: "Bulletins");

            migrationBuilder.DropTable(
                name: "BulletinSettings");

            migrationBuilder.DropTable(
                name: "BulletinTargets");

            migrationBuilder.DropTable(
                name: "CorrectionRequests");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "DuesPayments");

            migrationBuilder.DropTable(
                name: "EquipmentStateChanges");

            migrationBuilder.DropTable(
                name: "ExamApprovals");

            migrationBuilder.DropTable(
                name: "FundEntries");

            migrationBuilder.DropTable(
                name: "LectureAttendance");

            migrationBuilder.DropTable(
                name: "Lessons");

            migrationBuilder.DropTable(
                name: "MaterialAudiences");

            migrationBuilder.DropTable(
                name: "MaterialFiles");

            migrationBuilder.DropTable(
                name: "MaterialProgress");

            migrationBuilder.DropTable(
                name: "MemberPhotos");

            migrationBuilder.DropTable(
                name: "Messages");

            migrationBuilder.DropTable(
                name: "NoticeReads");

            migrationBuilder.DropTable(
                name: "NotificationOptOuts");

            migrationBuilder.DropTable(
                name: "OrgAdministrators");

            migrationBuilder.DropTable(
                name: "OutboxItems");

            migrationBuilder.DropTable(
                name: "RecruitSteps");

            migrationBuilder.DropTable(
                name: "RichTextImages");

            migrationBuilder.DropTable(
                name: "ScopeVersions");

            migrationBuilder.DropTable(
                name: "SignInRecords");

            migrationBuilder.DropTable(
                name: "SiteMaintenance");

            migrationBuilder.DropTable(
                name: "StudyClocks");

            migrationBuilder.DropTable(
                name: "StudyDays");

            migrationBuilder.DropTable(
                name: "StudySessions");

            migrationBuilder.DropTable(
                name: "Submissions");

            migrationBuilder.DropTable(
                name: "SubmissionSettings");

            migrationBuilder.DropTable(
                name: "ThoughtReports");

            migrationBuilder.DropTable(
                name: "Transfers");

            migrationBuilder.DropTable(
                name: "ViewingSessions");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "VolunteerSignUps");

            migrationBuilder.DropTable(
                name: "WorkUpdates");

            migrationBuilder.DropTable(
                name: "Albums");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "Attempts");

            migrationBuilder.DropTable(
                name: "QuestionVersions");

            migrationBuilder.DropTable(
                name: "BookableResources");

            migrationBuilder.DropTable(
                name: "Equipment");

            migrationBuilder.DropTable(
                name: "AidApplications");

            migrationBuilder.DropTable(
                name: "LectureEnrolments");

            migrationBuilder.DropTable(
                name: "LectureSessions");

            migrationBuilder.DropTable(
                name: "Notices");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "Materials");

            migrationBuilder.DropTable(
                name: "Terminals");

            migrationBuilder.DropTable(
                name: "VolunteerProjects");

            migrationBuilder.DropTable(
                name: "Activities");

            migrationBuilder.DropTable(
                name: "Exams");

            migrationBuilder.DropTable(
                name: "Registrants");

            migrationBuilder.DropTable(
                name: "Questions");

            migrationBuilder.DropTable(
                name: "Funds");

            migrationBuilder.DropTable(
                name: "Recruits");

            migrationBuilder.DropTable(
                name: "LectureCourses");

            migrationBuilder.DropTable(
                name: "Sites");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "QuestionCategories");

            migrationBuilder.DropTable(
                name: "Organizations");

            migrationBuilder.DropTable(
                name: "Members");
        }
    }
}
