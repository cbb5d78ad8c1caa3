namespace Hongling.Web.Domain;

/// <summary>A monthly work bulletin (工作情况通报) an organization issues about its subtree. Its figures are computed
/// when it is generated and frozen in <see cref="Content"/>; regenerating the same month adds a new
/// <see cref="Version"/> and keeps the old one. The editor may change <see cref="Text"/> until it is published, never
/// the figures. While a draft, it reaches only the issuer's administrators (its audience is the issuer alone);
/// publishing opens it to the issuer's subtree, where the units' administrators read it from above.</summary>
public sealed class Bulletin : IPublishedToMembers, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    /// <summary>The issuer's name when generated: lists show it to the units, who cannot see the issuer's
    /// row.</summary>
    public string IssuerName { get; set; } = "";
    public string OrgPath { get; set; } = "";
    public string AudiencePath { get; set; } = "";
    public bool AudienceIncludesSubtree { get; set; }

    /// <summary>The month it reports on (yyyyMM, China time).</summary>
    public int Month { get; set; }

    /// <summary>The first month of the information-submission period (the seed's "7-8月").</summary>
    public int FirstMonth { get; set; }

    /// <summary>The start of the "截止月底" rates' period.</summary>
    public DateOnly RatesSince { get; set; }

    /// <summary>第N期: numbered per issuer and year of <see cref="Month"/>; every version of a month has the same
    /// number.</summary>
    public int Number { get; set; }

    /// <summary>1 for the first bulletin of the month; regenerating adds 2, 3… The unique key (issuer, month, version)
    /// makes two instances generating the same month at once store it once.</summary>
    public int Version { get; set; }

    /// <summary>The latest version of its month: the one lists show and the next month compares with.</summary>
    public bool IsCurrent { get; set; }

    /// <summary>Made by the monthly schedule rather than by a person.</summary>
    public bool Automatic { get; set; }

    /// <summary>The frozen sections and their figures, as JSON (Features/Bulletins reads it).</summary>
    public string Content { get; set; } = "";
    public BulletinText Text { get; set; } = new();

    public DateTime GeneratedAt { get; set; }
    public string GeneratedBy { get; set; } = "";
    public DateTime? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }

    /// <summary>The announcement (组织公告) publishing sent to the units.</summary>
    public int? NoticeId { get; set; }

    public bool IsPublished => PublishedAt is not null;
}

/// <summary>The paragraphs of a bulletin its editor writes; everything else is computed.</summary>
public sealed class BulletinText
{
    /// <summary>The opening paragraph (导语), before section 一.</summary>
    public string Opening { get; set; } = "";

    /// <summary>Comment closing section 一 (e.g. on towns chasing minutes).</summary>
    public string SitesComment { get; set; } = "";

    /// <summary>The editor's paragraph of section 二 (television column, press coverage): shown as the editor's
    /// text.</summary>
    public string SubmissionsNote { get; set; } = "";

    /// <summary>Comment on section 三's problems (存在的主要问题).</summary>
    public string PlatformComment { get; set; } = "";

    /// <summary>The words of 下月工作重点 around the computed targets.</summary>
    public string NextMonth { get; set; } = "";
}

/// <summary>How an organization's bulletins are made (the district sets them; a town may set its own).</summary>
public sealed class BulletinSettings : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The "截止月底" rates run from the 1st of this month of the bulletin's year (1 = since 1 January).</summary>
    public int RatesFromMonth { get; set; } = 1;

    /// <summary>How many months the information-submission section covers (the seed: 2, "7-8月").</summary>
    public int SubmissionMonths { get; set; } = 1;

    /// <summary>Generate this organization's bulletin at 08:00 China time on the 1st of each month.</summary>
    public bool Automatic { get; set; }

    /// <summary>The composite usage rate's weights, by rate key, as JSON (Features/Bulletins documents the
    /// keys).</summary>
    public string CompositeWeights { get; set; } = "";
}

/// <summary>The targets an issuer sets for one month (下月工作重点); the bulletin of that month says, per unit, which
/// were met. Per-organization targets count organizations of the unit's subtree that keep members (branches).</summary>
public sealed class BulletinTargets : IOrgOwned, IAudited
{
    public int Id { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>The month the targets are for (yyyyMM).</summary>
    public int Month { get; set; }
    public int ActivitiesPerBranch { get; set; } = 1;
    public int AlbumPhotosPerBranch { get; set; } = 1;
    public int WorkUpdatesPerBranch { get; set; } = 1;
    public int NoticesPerBranch { get; set; } = 1;
    public int ThoughtReportsPerProbationary { get; set; } = 1;

    /// <summary>Members of 机关/事业单位 branches who signed in this month, as a fraction (1 = 100%).</summary>
    public decimal OrganSignInRate { get; set; } = 1m;
    public decimal OverallSignInRate { get; set; } = 0.4m;
    public decimal AdminSignInRate { get; set; } = 1m;
    public decimal CompletenessRate { get; set; } = 1m;
    public decimal DuesRate { get; set; } = 1m;

    /// <summary>The day by which units behind on last month's tasks must catch up (the seed: 9月10日).</summary>
    public DateOnly? CatchUpBy { get; set; }
}
