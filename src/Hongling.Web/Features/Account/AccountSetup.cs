using System.Security.Claims;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Hongling.Web.Features.Account;

public static class AccountSetup
{
    public const string MustChangePasswordClaim = "hongling:must_change_password";

    /// <summary>The sign-in and antiforgery cookies' names, before the <c>__Host-</c> prefix they get when
    /// Secure.</summary>
    public const string AuthCookie = "hongling.auth";
    public const string AntiforgeryCookie = "hongling.af";

    public static IServiceCollection AddHonglingAccounts(
        this IServiceCollection services,
        IConfiguration config,
        IHostEnvironment env
    )
    {
        services
            .AddIdentity<Domain.Account, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddEntityFrameworkStores<HonglingDb>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>()
            .AddDefaultTokenProviders();

        services.Configure<SessionOptions>(config.GetSection("Sessions"));
        services.AddScoped<CardIssuer>();
        services.AddSingleton<SessionReader>();
        services.AddSingleton<SessionStore>();
        services.AddHostedService<SessionCleanupJob>();
        services.AddSingleton<DummyPasswordHash>();
        services.AddHostedService(sp => sp.GetRequiredService<DummyPasswordHash>());
        services
            .AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);

        // Secure cookies carry the __Host- prefix (Secure, Path=/, no Domain: only this host can set them).
        var secure = SecurityHeaders.SecureCookies(config, env);
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = SecurityHeaders.CookieName(AuthCookie, secure);
            o.Cookie.Path = "/";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            // The session store decides when a session ends (idle and absolute limits, Sessions:*) and writes
            // its last-seen time; the handler only compares the expiry the store hands it, and never rewrites
            // the cookie, which holds nothing but the session key.
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = false;
            // The API answers with status codes; only pages redirect to the sign-in form.
            o.Events.OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden);
            // Identity's security-stamp check builds the sign-in manager, user manager and store for every request
            // only to find that the cookie is younger than the validation interval; it is called only when due.
            var validate = o.Events.OnValidatePrincipal;
            o.Events.OnValidatePrincipal = ctx => StampCheckDue(ctx) ? validate(ctx) : Task.CompletedTask;
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = SecurityHeaders.CookieName(AntiforgeryCookie, secure);
            o.Cookie.Path = "/";
            o.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        return services;
    }

    /// <summary>As SecurityStampValidator decides before it reads anything: no issue time, or older than the
    /// interval.</summary>
    private static bool StampCheckDue(CookieValidatePrincipalContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var options = services.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var clock = options.TimeProvider ?? services.GetRequiredService<TimeProvider>(); // the validator's own clock
        return ctx.Properties.IssuedUtc is not { } issued || clock.GetUtcNow() - issued > options.ValidationInterval;
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
            ctx.Response.StatusCode = status;
        else
            ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Until a member replaces an issued (or reset) password, every page sends them to change it.</summary>
    public static IApplicationBuilder UseForcedPasswordChange(this IApplicationBuilder app) =>
        app.Use(
            async (ctx, next) =>
            {
                if (
                    ctx.User.HasClaim(MustChangePasswordClaim, "1")
                    && !ctx.Request.Path.StartsWithSegments("/Account/ChangePassword")
                    && !ctx.Request.Path.StartsWithSegments("/Account/Logout")
                )
                {
                    if (ctx.Request.Path.StartsWithSegments("/api"))
                        ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    else
                        ctx.Response.Redirect("/Account/ChangePassword");
                    return;
                }
                await next();
            }
        );
}

public sealed class AccountClaimsFactory(
    UserManager<Domain.Account> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options
) : UserClaimsPrincipalFactory<Domain.Account, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Domain.Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(ClaimTypes.GivenName, user.DisplayName));
        if (user.MustChangePassword)
            identity.AddClaim(new Claim(AccountSetup.MustChangePasswordClaim, "1"));
        return identity;
    }
}

public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = $"密码至少需要{length}位" };

    public override IdentityError PasswordRequiresDigit() =>
        new() { Code = nameof(PasswordRequiresDigit), Description = "密码至少需要包含一个数字" };

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) =>
        new()
        {
            Code = nameof(PasswordRequiresUniqueChars),
            Description = $"密码至少需要包含{uniqueChars}个不同的字符",
        };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = "该卡号已被使用" };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = "操作失败,请重试" };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改,请刷新后重试" };

    public override IdentityError UserLockoutNotEnabled() =>
        new() { Code = nameof(UserLockoutNotEnabled), Description = "该账号未启用锁定" };
}
