using System.Text.Encodings.Web;
using System.Text.Unicode;
using Hongling.Web.Data;
using Hongling.Web.Features.Account;
using Hongling.Web.Features.Activities;
using Hongling.Web.Features.Aid;
using Hongling.Web.Features.Albums;
using Hongling.Web.Features.Bookings;
using Hongling.Web.Features.Bulletins;
using Hongling.Web.Features.Development;
using Hongling.Web.Features.Exams;
using Hongling.Web.Features.Health;
using Hongling.Web.Features.Home;
using Hongling.Web.Features.Lectures;
using Hongling.Web.Features.Members;
using Hongling.Web.Features.Messages;
using Hongling.Web.Features.Notifications;
using Hongling.Web.Features.Organizations;
using Hongling.Web.Features.Photos;
using Hongling.Web.Features.Sites;
using Hongling.Web.Features.Study;
using Hongling.Web.Features.Transfers;
using Hongling.Web.Features.Volunteering;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Metrics;
using Hongling.Web.Infrastructure.Notifications;
using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Uploads;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.WebEncoders;

var builder = WebApplication.CreateBuilder(args);
if (BackupCommand.Handles(args))
    return await BackupCommand.RunAsync(builder.Configuration, builder.Environment.ContentRootPath, args);
var seeding = SeedCommand.IsSeed(args);
if (seeding)
    SeedCommand.Configure(builder, args);

builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHonglingData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddDataProtection().SetApplicationName("Hongling").PersistKeysToDbContext<HonglingDb>();
builder.Services.AddHonglingAccounts(builder.Configuration, builder.Environment);
builder.Services.AddHttpContextAccessor();
builder.Services.AddOrgScoping();
builder.Services.AddOrganizations();
builder.Services.AddMembers();
builder.Services.AddTransfers();
builder.Services.AddDevelopment();
builder.Services.AddPhotos();
builder.Services.AddActivities();
builder.Services.AddAid();
builder.Services.AddLectures();
builder.Services.AddMessages();
builder.Services.AddSiteCache();
builder.Services.AddExams();
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/Features";
    o.Conventions.Add(new PageAccessConvention());
});
builder.Services.AddHonglingErrors();
builder.Services.AddStudy();
builder.Services.AddSites(builder.Configuration);
builder.Services.AddBulletins();
builder.Services.AddNotifications();
builder.Services.AddBookings();
builder.Services.AddVolunteering();
builder.Services.AddHonglingRateLimits(builder.Configuration);
builder.Services.AddHonglingApiDocs();
builder.Services.AddNotificationChannels(builder.Configuration);
builder.Services.AddHonglingProxies(builder.Configuration);
builder.Services.AddHealth();
builder.Services.AddScoped<ElderlyMode>();
builder.Services.AddHonglingRedis(builder.Configuration);
builder.Services.AddHonglingMetrics();

var app = builder.Build();
if (seeding)
    return await SeedCommand.RunAsync(app, args);
await app.InitializeDatabaseAsync();

app.UseHonglingProxies();
app.UseHonglingMetrics();
app.UseHonglingSecurityHeaders();
app.UseHonglingErrors();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseOrgScoping();
app.UseForcedPasswordChange();
app.UseAuthorization();
app.UseRateLimiter();
app.UseOutputCache();

app.MapRazorPages();
app.MapHealthApi();
app.MapOrganizationsApi();
app.MapMembersApi();
app.MapMemberPhotos();
app.MapStudyApi();
app.MapAlbumPhotos();
app.MapRichTextImages();
app.MapExams();
app.MapSites();
app.MapBulletins();
app.MapNotifications();
app.MapBookingsApi();
app.MapAidApi();
app.MapLecturesApi();
app.MapVolunteeringApi();
app.MapHonglingApiDocs();

app.PrintWelcomeOnStart();
await app.RunAsync();
return 0;

public partial class Program;
