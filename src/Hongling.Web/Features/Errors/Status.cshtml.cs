using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Hongling.Web.Features.Errors;

/// <summary>The error page for every status code and unhandled exception: Chinese words, nothing leaked.</summary>
[AllowAnonymous, IgnoreAntiforgeryToken]
public sealed class StatusModel : PageModel
{
    public int Code { get; private set; }
    public string Heading { get; private set; } = "";
    public string Advice { get; private set; } = "";

    public void OnGet() => Describe();

    public void OnPost() => Describe();

    private void Describe()
    {
        // The code comes from the route, not model binding: re-executing a POST whose body cannot be read
        // (too large) fails binding and would leave a bound code at 0.
        var code = int.TryParse(RouteData.Values["code"] as string, out var c)
            ? c
            : StatusCodes.Status500InternalServerError;
        // After an exception the handler has already chosen the status (500, or 404 for a scope violation).
        Code = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : code;
        // A form over the request size limit fails antiforgery (which reads the form first) as a 400: say what
        // happened.
        if (
            Code == StatusCodes.Status400BadRequest
            && Request.ContentLength > HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize
        )
            Code = StatusCodes.Status413PayloadTooLarge;
        (Heading, Advice) = Code switch
        {
            400 => ("请求无效", "页面可能已过期,请返回上一页刷新后重试。"),
            403 => ("无权访问", "您没有访问该页面的权限。"),
            404 => ("页面不存在", "您访问的页面或数据不存在,或不在您的管理范围内。"),
            413 => ("上传的文件过大", "请缩小或压缩文件后,返回上一页重新上传。"),
            429 => ("操作过于频繁", "请稍后再试。"),
            >= 500 => ("系统出错了", "我们已记录该问题,请稍后再试。如多次出现,请联系管理员。"),
            _ => ("出错了", "请返回首页重试。"),
        };
        Response.StatusCode = Code;
    }
}
