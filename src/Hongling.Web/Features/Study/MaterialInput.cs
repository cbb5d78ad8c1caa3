using System.ComponentModel.DataAnnotations;
using Hongling.Web.Domain;

namespace Hongling.Web.Features.Study;

public sealed class MaterialInput
{
    [Required(ErrorMessage = "请填写标题"), StringLength(200, ErrorMessage = "标题不超过200字"), Display(Name = "标题")]
    public string Title { get; set; } = "";

    [Display(Name = "栏目")]
    public MaterialColumn Column { get; set; } = MaterialColumn.KnowledgeBase;

    [Display(Name = "类型")]
    public MaterialKind Kind { get; set; } = MaterialKind.Article;

    [StringLength(200_000, ErrorMessage = "正文过长"), Display(Name = "正文或简介")]
    public string? Body { get; set; }

    [StringLength(1000, ErrorMessage = "链接不超过1000字"), Display(Name = "课件链接")]
    public string? Url { get; set; }

    [Range(1, 600, ErrorMessage = "预计学习时长应在1到600分钟之间"), Display(Name = "预计学习时长(分钟)")]
    public int EstimatedMinutes { get; set; } = 10;

    [Display(Name = "发布时间")]
    public DateTime? PublishAt { get; set; }

    /// <summary>The organizations whose subtrees read the material (one or more).</summary>
    [Display(Name = "发布范围")]
    public List<int> AudienceIds { get; set; } = [];
}
