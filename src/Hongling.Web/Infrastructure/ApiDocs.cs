using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Hongling.Web.Infrastructure;

/// <summary>The OpenAPI document (/openapi/v1.json) and its reader (/api/docs), usable on an intranet without
/// internet access: the reader loads nothing from another host (no web fonts, no vendor client, no proxy, no
/// telemetry). The document says how to sign in (the cookie), what an error body looks like (problem+json)
/// and which error answers each operation gives: 401/403 where a sign-in is required, 404 where an id is
/// looked up (outside the caller's organizations is the same 404), 429 where a rate limit applies, 400 where
/// a body is read, and what an endpoint declares with <see cref="DocumentsProblems{TBuilder}"/> (e.g. 409).</summary>
public static class ApiDocs
{
    public const string CookieScheme = "cookie";
    public const string ProblemSchema = "ProblemDetails";

    private static readonly Dictionary<int, string> Meaning = new()
    {
        [400] =
            "请求无效:请求内容或参数不正确,detail 说明原因。 Bad request: the body or a parameter is invalid; detail says why.",
        [401] = "请先登录:没有有效的登录 Cookie。 Not signed in: no valid sign-in cookie.",
        [403] =
            "无权访问:已登录但无此权限(如不是管理员或党员),或须先修改初始密码。 Signed in without the right (not an administrator or not a "
            + "member), or the issued password must be changed first.",
        [404] =
            "未找到:对象不存在,或不在调用者管辖的组织范围内(两者回答相同)。 Not found: no such object, or it lies outside the caller's "
            + "organizations (the same answer, on purpose).",
        [409] =
            "数据冲突:请求与当前状态冲突(如重复的心跳、已交卷、已超时),未保存。 Conflict with the current state (a replayed beat, a submitted "
            + "or expired paper); nothing was saved.",
        [429] =
            "请求过于频繁:超过了每个账号的频率限制,请稍后再试。 Too many requests: over the per-account rate limit; retry later.",
    };

    /// <summary>Error answers an endpoint gives beyond those the document derives (e.g. 409, or 404 without an id in
    /// the path).</summary>
    public static TBuilder DocumentsProblems<TBuilder>(this TBuilder builder, params int[] statuses)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new ProblemAnswers(statuses));

    private sealed record ProblemAnswers(int[] Statuses);

    public static IServiceCollection AddHonglingApiDocs(this IServiceCollection services) =>
        services.AddOpenApi(o =>
        {
            o.AddDocumentTransformer(
                (document, context, _) =>
                {
                    document.Info.Title = "红领党建 API";
                    document.Info.Description =
                        "登录:先在 /Account/Login 用红色身份证卡号(或报名人员的手机号)和密码登录,之后对 /api 的请求携带登录 Cookie。"
                        + "错误:一律以 application/problem+json 返回,title 为该状态码的中文标题,detail 为给用户看的中文说明,"
                        + "code 为稳定的英文错误代码(如 beat_replayed),程序据此判断。\n\n"
                        + "Sign in at /Account/Login with a red-card number (or a registrant's mobile number) "
                        + "and password; requests to /api then carry the sign-in cookie. "
                        + "Errors are application/problem+json bodies: title is the status's Chinese title, "
                        + "detail the Chinese message for the user, "
                        + "code a stable snake_case error code (e.g. beat_replayed) for programs to match.";
                    var cookie = context
                        .ApplicationServices.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>()
                        .Get(IdentityConstants.ApplicationScheme)
                        .Cookie.Name;
                    document.Components ??= new OpenApiComponents();
                    document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                    document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                    {
                        Type = SecuritySchemeType.ApiKey,
                        In = ParameterLocation.Cookie,
                        Name = cookie,
                        Description =
                            $"登录 Cookie({cookie})。浏览器:在同一站点打开 /Account/Login 登录即可。脚本:先 GET /Account/Login,保存防伪"
                            + $" Cookie 并取出表单中的 __RequestVerificationToken,"
                            + "再以表单 POST /Account/Login(字段 Input.CardNumber、Input.Password、__RequestVerificationToken)"
                            + ",保存响应设置的 Cookie,之后每个请求都带上。"
                            + "登录 8 小时有效(使用中自动延长);未登录返回 401。\n\n"
                            + $"The sign-in cookie ({cookie}). In a browser, sign in at /Account/Login on the "
                            + $"same site. From a script: GET /Account/Login, keep the antiforgery cookie and the "
                            + "form's __RequestVerificationToken, then POST the form fields Input.CardNumber, "
                            + "Input.Password and __RequestVerificationToken to /Account/Login and keep the cookie "
                            + "it sets; send it with every request. It lasts 8 hours, renewed while used; "
                            + "without it the API answers 401.",
                    };
                    document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                    document.Components.Schemas[ProblemSchema] = Problem();
                    return Task.CompletedTask;
                }
            );
            o.AddOperationTransformer(
                (operation, context, _) =>
                {
                    var metadata = context.Description.ActionDescriptor.EndpointMetadata;
                    var signedIn = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();
                    var statuses = new SortedSet<int>(metadata.OfType<ProblemAnswers>().SelectMany(p => p.Statuses));
                    if (operation.RequestBody is not null)
                        statuses.Add(400);
                    if (signedIn)
                    {
                        statuses.Add(401);
                        statuses.Add(403);
                    }
                    if (context.Description.ParameterDescriptions.Any(p => p.Source.Id == "Path"))
                        statuses.Add(404);
                    if (metadata.OfType<EnableRateLimitingAttribute>().Any())
                        statuses.Add(429);

                    operation.Responses ??= new OpenApiResponses();
                    foreach (var status in statuses)
                        operation.Responses[status.ToString()] = new OpenApiResponse
                        {
                            Description = Meaning.GetValueOrDefault(status, ErrorHandling.TitleOf(status)),
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/problem+json"] = new()
                                {
                                    Schema = new OpenApiSchemaReference(ProblemSchema, context.Document),
                                },
                            },
                        };
                    if (signedIn)
                        operation.Security =
                        [
                            new OpenApiSecurityRequirement
                            {
                                [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [],
                            },
                        ];
                    return Task.CompletedTask;
                }
            );
        });

    /// <summary>The error body as <see cref="Rules.Problems"/> writes it for every error (RFC 9457).</summary>
    private static OpenApiSchema Problem() =>
        new()
        {
            Type = JsonSchemaType.Object,
            Description = "错误响应(RFC 9457 problem details)。 An error answer (RFC 9457 problem details).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "错误类型的 URI。 A URI naming the kind of error.",
                },
                ["title"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "该状态码的中文标题,如“未找到”。 The status's short Chinese title, e.g. 未找到.",
                },
                ["status"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Integer,
                    Format = "int32",
                    Description = "HTTP 状态码。 The HTTP status code.",
                },
                ["detail"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "给用户看的中文说明。 What went wrong, in Chinese, for the user.",
                },
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Pattern = "^[a-z]+(_[a-z]+)*$",
                    Description =
                        "稳定的错误代码(小写英文加下划线),如 not_found、rate_limited、beat_replayed;程序据此判断,不随说明文字变化。"
                        + " A stable machine-readable error code (snake_case), "
                        + "e.g. not_found, rate_limited, beat_replayed; match on it, not on the text.",
                },
                ["instance"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String | JsonSchemaType.Null,
                    Description = "出错的请求。 The request that failed.",
                },
                ["traceId"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "日志中的请求编号。 The request's id in the logs.",
                },
            },
            Required = new HashSet<string> { "type", "title", "status", "detail", "code", "traceId" },
            Examples =
            [
                JsonNode.Parse(
                    """
                    {"type":"https://tools.ietf.org/html/rfc9110#section-15.5.10","title":"数据冲突","status":409,
                     "detail":"这次心跳已经收到过,不再计入","code":"beat_replayed",
                     "traceId":"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"}
                    """
                )!,
            ],
        };

    /// <summary>/openapi/v1.json and /api/docs, readable without signing in. The reader's own scripts carry a
    /// fresh nonce that <see cref="SecurityHeaders"/> lets through; everything it loads comes from this app.</summary>
    public static WebApplication MapHonglingApiDocs(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference("/api/docs", o => o.WithTitle("红领党建 API")
                    .WithLocalization(new ScalarLocalizationOptions { Locale = "zh-CN" })
                    .WithNonce()
                    .DisableDefaultFonts()
                    .HideClientButton()
                    .HideTestRequestButton()
                    .HideDeveloperTools()
                    .DisableTelemetry()
                    .DisableAgent()
                    .DisableMcp()
                    // The sidebar's "Powered by Scalar" leads off the intranet.
                    .WithCustomCss("a[href*='scalar.com'] { display: none !important; }"))
            .AllowAnonymous();
        return app;
    }
}
