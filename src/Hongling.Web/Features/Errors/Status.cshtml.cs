using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
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

    public void OnGet(int code) => Describe(code);
    public void OnPost(int code) => Describe(code);

    private void Describe(int code)
    {
        // After an exception the handler has already chosen the status (500, or 404 for a scope violation).
        Code = HttpContext.Features.Get<IExceptionHandlerFeature>() is not null ? Response.StatusCode : code;
        (Heading, Advice) = Code switch
        {
            400 => ("请求无效", "页面可能已过期,请返回上一页刷新后重试。"),
            403 => ("无权访问", "您没有访问该页面的权限。"),
            404 => ("页面不存在", "您访问的页面或数据不存在,或不在您的管理范围内。"),
            429 => ("操作过于频繁", "请稍后再试。"),
            >= 500 => ("系统出错了", "我们已记录该问题,请稍后再试。如多次出现,请联系管理员。"),
            _ => ("出错了", "请返回首页重试。"),
        };
        Response.StatusCode = Code;
    }
}
