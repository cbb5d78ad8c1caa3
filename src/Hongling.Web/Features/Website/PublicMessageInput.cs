using System.ComponentModel.DataAnnotations;

namespace Hongling.Web.Features.Website;

/// <summary>The message form on an organization's website page.</summary>
public sealed class PublicMessageInput
{
    [
        Required(ErrorMessage = "请填写您的姓名"),
        StringLength(20, ErrorMessage = "姓名不超过20字"),
        Display(Name = "您的姓名")
    ]
    public string? Name { get; set; }

    [Display(Name = "联系电话(可不填,不会公开)")]
    public string? Phone { get; set; }

    [
        Required(ErrorMessage = "请填写留言内容"),
        StringLength(1000, ErrorMessage = "留言不超过1000字"),
        Display(Name = "留言内容")
    ]
    public string? Body { get; set; }

    [Display(Name = "同意在留言板公开(不显示电话)")]
    public bool IsPublic { get; set; }
    public string? ChallengeToken { get; set; }

    [Display(Name = "验证问题")]
    public string? ChallengeAnswer { get; set; }
}

/// <summary>What the form partial needs: the organization, the input, and a fresh question.</summary>
public sealed record PublicMessageForm(int OrgId, PublicMessageInput Input, string Question, string Token);
