using Hongling.Web.Infrastructure.OrgScoping;
using Hongling.Web.Infrastructure.Rules;
using Microsoft.AspNetCore.Mvc;

namespace Hongling.Web.Infrastructure;

/// <summary>Errors in Chinese, leaking nothing: JSON problem bodies under /api (one shape, <see cref="Problems"/>),
/// error pages elsewhere. A write outside the caller's scope is a 404 like a read; a rule refused in an exception
/// answers its own status, message and code.</summary>
public static class ErrorHandling
{
    public static IServiceCollection AddHonglingErrors(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = Problems.Complete);
        services.Configure<MvcOptions>(o =>
        {
            var m = o.ModelBindingMessageProvider;
            m.SetAttemptedValueIsInvalidAccessor((v, f) => $"“{v}”不是有效的{f}");
            m.SetMissingBindRequiredValueAccessor(f => $"请填写{f}");
            m.SetMissingKeyOrValueAccessor(() => "请填写该项");
            m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空");
            m.SetNonPropertyAttemptedValueIsInvalidAccessor(v => $"“{v}”无效");
            m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效");
            m.SetNonPropertyValueMustBeANumberAccessor(() => "请填写数字");
            m.SetUnknownValueIsInvalidAccessor(f => $"{f}的值无效");
            m.SetValueIsInvalidAccessor(v => $"“{v}”无效");
            m.SetValueMustBeANumberAccessor(f => $"{f}应为数字");
            m.SetValueMustNotBeNullAccessor(v => "请填写该项");
        });
        return services;
    }

    public static string TitleOf(int status) =>
        status switch
        {
            400 => "请求无效",
            401 => "请先登录",
            403 => "无权访问",
            404 => "未找到",
            405 => "不支持该操作",
            409 => "数据冲突",
            413 => "上传的内容过大",
            429 => "请求过于频繁",
            >= 500 => "系统出错了",
            _ => "请求失败",
        };

    /// <summary>Requests whose errors are problem bodies rather than pages.</summary>
    public static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api");

    private static int StatusOf(Exception e) =>
        e switch
        {
            OrgScopeViolationException => StatusCodes.Status404NotFound,
            RuleException rule => rule.Error.Status,
            BadHttpRequestException bad => bad.StatusCode, // e.g. 413 for a body over the size limit
            _ => StatusCodes.Status500InternalServerError,
        };

    public static WebApplication UseHonglingErrors(this WebApplication app)
    {
        app.UseWhen(IsApi, api =>
        {
            api.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = StatusOf });
            api.UseStatusCodePages();
        });
        app.UseWhen(
            c => !IsApi(c),
            pages =>
            {
                pages.UseExceptionHandler(
                    new ExceptionHandlerOptions { ExceptionHandlingPath = "/Errors/500", StatusCodeSelector = StatusOf }
                );
                pages.UseStatusCodePagesWithReExecute("/Errors/{0}");
            }
        );
        return app;
    }
}
