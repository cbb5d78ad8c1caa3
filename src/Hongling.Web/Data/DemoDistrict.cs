using System.Diagnostics;
using System.Globalization;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>A believable district, the same every time (fixed seed): the district committee, towns and
/// streets with village and community branches, directly affiliated organs and institutions, non-public
/// enterprises, members with valid ID numbers, and the demo accounts (two disjoint streets, each with a
/// street and a branch administrator, so two scopes can be tried side by side).</summary>
public sealed partial class DemoDistrict(
    HonglingDb db,
    PiiProtector pii,
    UserManager<Account> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock
)
{
    public const string Password = "hongling2026";
    public static readonly (string Card, string Who)[] Accounts =
    [
        ("1000000001", "区委组织部管理员(全区)"),
        ("1000000002", "镇党委管理员(东城街道)"),
        ("1000000003", "支部管理员(东城街道第一社区党支部)"),
        ("1000000004", "党员(东城街道第一社区党支部)"),
        ("1000000005", "镇党委管理员(西城街道,与东城街道互不相见)"),
        ("1000000006", "支部管理员(西城街道第一社区党支部)"),
    ];

    private static readonly string[] Towns =
    [
        "东城街道",
        "西城街道",
        "南山镇",
        "北岭镇",
        "白沙镇",
        "石门镇",
        "油溪镇",
        "吴滩镇",
        "龙华镇",
        "李市镇",
    ];
    private static readonly string[] Organs =
    [
        "区委办公室",
        "区政府办公室",
        "区发展改革委",
        "区教委",
        "区财政局",
        "区人力社保局",
        "区卫生健康委",
        "区农业农村委",
        "区住房城乡建委",
        "区市场监管局",
        "区民政局",
        "区司法局",
    ];
    private static readonly string[] Institutions =
    [
        "区人民医院",
        "区中医院",
        "区第一中学",
        "区实验小学",
        "区疾控中心",
        "区图书馆",
        "区广播电视台",
        "区职业教育中心",
    ];
    private static readonly string[] Enterprises =
    [
        "九龙科技集团",
        "长江机械有限公司",
        "红岭食品有限公司",
        "鑫达物流有限公司",
        "华盛建材有限公司",
        "蓝天纺织有限公司",
        "恒通电子有限公司",
        "金穗农业开发有限公司",
        "山城汽配有限公司",
        "德润医药有限公司",
        "佳和超市连锁有限公司",
        "云帆网络科技有限公司",
    ];
    private static readonly string[] Surnames =
    [
        "王",
        "李",
        "张",
        "刘",
        "陈",
        "杨",
        "黄",
        "赵",
        "吴",
        "周",
        "徐",
        "孙",
        "马",
        "朱",
        "胡",
        "郭",
        "何",
        "林",
        "罗",
        "高",
        "郑",
        "梁",
        "谢",
        "宋",
        "唐",
        "许",
        "邓",
        "冯",
        "韩",
        "曹",
        "曾",
        "彭",
        "萧",
        "蔡",
        "潘",
        "田",
        "董",
        "袁",
        "于",
        "余",
        "叶",
        "蒋",
        "杜",
        "苏",
        "魏",
        "程",
        "吕",
        "丁",
        "沈",
        "任",
    ];
    private static readonly string[] GivenChars =
    [
        "伟",
        "芳",
        "娜",
        "敏",
        "静",
        "丽",
        "强",
        "磊",
        "军",
        "洋",
        "勇",
        "艳",
        "杰",
        "娟",
        "涛",
        "明",
        "超",
        "秀",
        "霞",
        "平",
        "刚",
        "桂",
        "英",
        "华",
        "建",
        "国",
        "文",
        "辉",
        "玲",
        "红",
        "春",
        "海",
        "波",
        "宁",
        "鹏",
        "林",
        "凤",
        "兰",
        "志",
        "永",
        "德",
        "成",
        "庆",
        "祥",
        "荣",
        "琴",
        "云",
        "梅",
        "斌",
        "燕",
    ];
    private static readonly string[] Cities =
    [
        "广东省深圳市",
        "广东省东莞市",
        "浙江省宁波市",
        "江苏省苏州市",
        "上海市浦东新区",
        "福建省厦门市",
    ];
    private static readonly string[] Ethnicities = ["土家族", "苗族", "回族", "壮族", "满族", "彝族"];

    /// <param name="History">How long the year of history took (DemoHistory), part of <paramref name="Took"/>.</param>
    public sealed record Result(int Organizations, int Members, TimeSpan Took, TimeSpan History = default);

    /// <param name="organizationCount">About how many organizations (more or fewer branches per town); by default
    /// about 25 members a branch.</param>
    /// <param name="history">A year of past study, sign-ins and organization life (DemoHistory), so that a demo's
    /// statistics show something; benchmarks leave it out, since their checks count only what the run itself did.
    /// </param>
    public async Task<Result> GenerateAsync(
        int memberCount,
        CancellationToken ct = default,
        int? organizationCount = null,
        bool history = true
    )
    {
        var sw = Stopwatch.StartNew();
        db.Scope.BecomeSystem();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var rng = new Random(20261128);
        var now = clock.GetUtcNow().UtcDateTime;
        var orgs = BuildTree(memberCount, organizationCount, now);
        db.Organizations.AddRange(orgs.Select(o => o.Org));
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);

        var branches = orgs.Where(o => o.Org.KeepsMembers).ToList();
        var today = clock.TodayInChina();
        var seen = new HashSet<string>();
        var batch = new List<Member>(5000);
        for (var i = 0; i < memberCount; i++)
        {
            // Members spread unevenly, as in life: some branches are large, some small.
            var branch = branches[(int)(Math.Pow(rng.NextDouble(), 1.3) * branches.Count)];
            batch.Add(NewMember(rng, branch.Org, today, now, seen));
            if (batch.Count == 5000)
                await FlushAsync(batch, ct);
        }
        await FlushAsync(batch, ct);
        db.Recruits.AddRange(branches.SelectMany(b => NewRecruits(b.Org, today, now)));
        db.Materials.AddRange(DemoMaterials(orgs.Single(o => o.Org.Depth == 0).Org, now));
        DemoOrgLife.Add(db, [.. orgs.Select(o => o.Org)], now);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        await AddActivitiesAsync([.. branches.Select(b => b.Org)], now, ct);
        db.ChangeTracker.Clear();
        var historyTook = Stopwatch.StartNew();
        if (history)
            await DemoHistory.AddAsync(db, [.. orgs.Select(o => o.Org)], now, ct);
        historyTook.Stop();
        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await CreateAccountsAsync(orgs, now);
        await DemoExams.AddAsync(db, orgs[0].Org, now);
        await DemoSites.AddAsync(db, now, ct);
        await DemoViewing.AddAsync(db, now, ct);
        await DemoServices.AddAsync(db, clock, ct);
        return new Result(orgs.Count, memberCount, sw.Elapsed, historyTook.Elapsed);
    }

    private async Task FlushAsync(List<Member> batch, CancellationToken ct)
    {
        db.Members.AddRange(batch);
        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        batch.Clear();
    }

    private sealed record Node(Organization Org);

    private static List<Node> BuildTree(int memberCount, int? organizationCount, DateTime now)
    {
        var list = new List<Node>();
        Organization Add(string code, string name, OrgKind kind, OrgCategory cat, Organization? parent)
        {
            var o = new Organization
            {
                Code = code,
                Name = name,
                Kind = kind,
                Category = cat,
                CreatedAt = now,
            };
            o.PlaceUnder(parent);
            FillProfile(o, now);
            list.Add(new Node(o));
            return o;
        }

        var district = Add("D", "红岭区委", OrgKind.Committee, OrgCategory.Organ, null);
        // About 25 members a branch; the demo has 10 towns, large runs more.
        var townCount = Math.Max(Towns.Length, memberCount / 2500);
        // Beside the towns and their branches: the district, the organs' committee and 20 branches, the enterprises'
        // 16.
        var perTown = Math.Max(
            9,
            (int)
                Math.Round(
                    organizationCount is { } n
                        ? (n - 38.0 - townCount) / townCount
                        : (memberCount / 25.0 - 32) / townCount
                )
        );
        for (var t = 0; t < townCount; t++)
        {
            var townName = t < Towns.Length ? Towns[t] : $"{Towns[t % Towns.Length][..2]}第{t / Towns.Length + 1}片区";
            var isStreet = townName.Contains("街道");
            var town = Add(
                $"T{t + 1:D3}",
                townName + (isStreet ? "党工委" : "党委"),
                isStreet ? OrgKind.WorkingCommittee : OrgKind.Committee,
                OrgCategory.Organ,
                district
            );
            for (var b = 0; b < perTown; b++)
            {
                var community = isStreet ? b < perTown * 2 / 3 : b < perTown / 3;
                var prefix = townName.Replace("街道", "").Replace("镇", "");
                var name = community ? $"{townName}第{Cn(b + 1)}社区党支部" : $"{prefix}{VillageName(b)}村党支部";
                Add(
                    $"T{t + 1:D3}B{b + 1:D3}",
                    name,
                    OrgKind.Branch,
                    community ? OrgCategory.Community : OrgCategory.Village,
                    town
                );
            }
        }
        var organs = Add("G", "区级机关工委", OrgKind.WorkingCommittee, OrgCategory.Organ, district);
        for (var i = 0; i < Organs.Length; i++)
            Add($"G{i + 1:D3}", Organs[i] + "机关党支部", OrgKind.Branch, OrgCategory.Organ, organs);
        for (var i = 0; i < Institutions.Length; i++)
            Add(
                $"S{i + 1:D3}",
                Institutions[i] + "党支部",
                OrgKind.Branch,
                Institutions[i].Contains("学") ? OrgCategory.School : OrgCategory.Institution,
                organs
            );
        var enterprises = Add("E", "区非公有制企业党委", OrgKind.Committee, OrgCategory.NonPublic, district);
        var group = Add("E001", Enterprises[0] + "党总支", OrgKind.GeneralBranch, OrgCategory.NonPublic, enterprises);
        for (var i = 0; i < 3; i++)
            Add($"E001B{i + 1}", $"{Enterprises[0]}第{Cn(i + 1)}支部", OrgKind.Branch, OrgCategory.NonPublic, group);
        for (var i = 1; i < Enterprises.Length; i++)
            Add($"E{i + 1:D3}", Enterprises[i] + "党支部", OrgKind.Branch, OrgCategory.NonPublic, enterprises);
        return list;
    }

    private static readonly string[] VillageWords =
    [
        "石桥",
        "河坝",
        "高滩",
        "杨柳",
        "青龙",
        "凤凰",
        "桂花",
        "龙门",
        "新华",
        "双河",
        "永兴",
        "太平",
        "柏林",
        "黄桷",
        "金竹",
        "大同",
        "光明",
        "团结",
        "五里",
        "白鹤",
    ];

    private static string VillageName(int i) =>
        VillageWords[i % VillageWords.Length] + (i >= VillageWords.Length ? Cn(i / VillageWords.Length + 1) : "");

    private static string Cn(int n) =>
        n switch
        {
            <= 10 => "零一二三四五六七八九十"[n].ToString(),
            < 20 => "十" + "零一二三四五六七八九"[n - 10],
            _ => n.ToString(),
        };

    private Member NewMember(Random rng, Organization branch, DateOnly today, DateTime now, HashSet<string> seen)
    {
        var gender = rng.Next(100) < 68 ? Gender.Male : Gender.Female;
        var birth = new DateOnly(1940, 1, 1).AddDays(rng.Next(0, 365 * 63));
        string id;
        do
        {
            var seq = rng.Next(0, 500) * 2 + (gender == Gender.Male ? 1 : 0);
            var first17 = $"500116{birth:yyyyMMdd}{seq:D3}";
            id = first17 + IdNumber.CheckCharFor(first17);
        } while (!seen.Add(id));
        var joinAge = rng.Next(18, 46);
        var joined = birth.AddYears(joinAge).AddDays(rng.Next(0, 365));
        if (joined > today)
            joined = today.AddDays(-rng.Next(1, 700));
        var floating = rng.Next(100) < 3;
        var given =
            GivenChars[rng.Next(GivenChars.Length)]
            + (rng.Next(100) < 70 ? GivenChars[rng.Next(GivenChars.Length)] : "");
        var m = new Member
        {
            Name = Surnames[rng.Next(Surnames.Length)] + given,
            Gender = gender,
            Ethnicity = rng.Next(100) < 93 ? "汉族" : Ethnicities[rng.Next(Ethnicities.Length)],
            BirthDate = birth,
            Mobile = $"1{"3456789"[rng.Next(7)]}{rng.Next(0, 1_000_000_000):D9}",
            Education = (Education)rng.Next(1, 7),
            JoinedOn = joined,
            Status = joined > today.AddYears(-1) ? MemberStatus.Probationary : MemberStatus.Full,
            OrganizationId = branch.Id,
            IsFloating = floating,
            FloatingDirection = floating ? FloatingDirection.Out : null,
            FloatingPlace = floating ? Cities[rng.Next(Cities.Length)] : null,
            FloatingContact = floating ? "微信同手机号" : null,
            FloatingSince = floating ? today.AddDays(-rng.Next(30, 1500)) : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        pii.SetIdNumber(m, id);
        FillInformationSet(m, id, today, now);
        return m;
    }

    private static readonly string[] NativePlaces =
    [
        "重庆江津",
        "重庆綦江",
        "重庆永川",
        "四川泸州",
        "重庆璧山",
        "贵州遵义",
        "重庆合川",
    ];
    private static readonly string[] Occupations =
    [
        "农民",
        "教师",
        "医生",
        "公务员",
        "企业职工",
        "个体经营者",
        "退休人员",
        "社区工作者",
    ];

    /// <summary>Most of the rest of the information set, as a district that is still collecting it has:
    /// gaps, and updates spread over the last three months. Its own seed per member, so the draws above do
    /// not change.</summary>
    private static void FillInformationSet(Member m, string id, DateOnly today, DateTime now)
    {
        var rng = new Random((int)(long.Parse(id[..17], CultureInfo.InvariantCulture) % int.MaxValue));
        if (rng.Next(100) < 80)
            m.NativePlace = NativePlaces[rng.Next(NativePlaces.Length)];
        if (rng.Next(100) < 75)
            m.Occupation = Occupations[rng.Next(Occupations.Length)];
        if (rng.Next(100) < 65)
            m.WorkUnit = m.Occupation is "农民" or "退休人员" or null
                ? "无"
                : "红岭区" + Occupations[rng.Next(Occupations.Length)][..2] + "单位";
        if (rng.Next(100) < 60)
            m.HomeAddress = $"红岭区{VillageWords[rng.Next(VillageWords.Length)]}路{rng.Next(1, 300)}号";
        if (m.Status == MemberStatus.Full && rng.Next(100) < 70 && m.JoinedOn.AddYears(1) <= today)
            m.FullMemberOn = m.JoinedOn.AddYears(1);
        if (rng.Next(100) < 55)
            m.DuesBase = rng.Next(20, 120) * 100m;
        if (m.DuesBase is { } b)
            m.DuesAmount = DuesRule.MonthlyAmount(b);
        m.UpdatedAt = now.AddDays(-rng.Next(0, 90));
    }

    /// <summary>Two organizations in three have a profile, maintained over the last two months.</summary>
    private static void FillProfile(Organization o, DateTime now)
    {
        var rng = new Random(o.Code.Aggregate(7, (h, c) => h * 31 + c));
        if (rng.Next(3) == 0)
            return;
        var founded = new DateOnly(1950 + rng.Next(0, 70), rng.Next(1, 13), 1);
        o.FoundedOn = founded;
        o.Introduction =
            $"<p>{o.Name}成立于{founded.Year}年{founded.Month}月,坚持“三会一课”制度,积极开展主题党日活动。</p>";
        o.Address = $"红岭区{VillageWords[rng.Next(VillageWords.Length)]}路{rng.Next(1, 300)}号";
        o.Phone = $"023-{rng.Next(40000000, 49999999)}";
        o.ProfileUpdatedAt = now.AddDays(-rng.Next(0, 60));
        o.ProfileUpdatedBy = "演示数据";
    }

    /// <summary>Up to three people on the way into the party (发展党员) per branch, applicants, activists and
    /// candidates, dated as the rules allow. Their own seed per branch, so the members above do not change.</summary>
    private static IEnumerable<Recruit> NewRecruits(Organization branch, DateOnly today, DateTime now)
    {
        var rng = new Random(branch.Code.Aggregate(17, (h, c) => h * 31 + c));
        for (var i = rng.Next(0, 4); i > 0; i--)
        {
            var stage = (DevelopmentStage)rng.Next(1, 4);
            DateOnly? candidate = stage == DevelopmentStage.Candidate ? today.AddDays(-rng.Next(0, 300)) : null;
            DateOnly? activist =
                candidate is { } c ? c.AddYears(-1).AddDays(-rng.Next(0, 200))
                : stage == DevelopmentStage.Activist ? today.AddDays(-rng.Next(0, 600))
                : null;
            var applied = (activist ?? today).AddDays(-rng.Next(activist is null ? 0 : 60, 400));
            var gender = rng.Next(100) < 55 ? Gender.Male : Gender.Female;
            var r = new Recruit
            {
                Name =
                    Surnames[rng.Next(Surnames.Length)]
                    + GivenChars[rng.Next(GivenChars.Length)]
                    + (rng.Next(100) < 70 ? GivenChars[rng.Next(GivenChars.Length)] : ""),
                Gender = gender,
                Mobile = $"1{"3456789"[rng.Next(7)]}{rng.Next(0, 1_000_000_000):D9}",
                OrganizationId = branch.Id,
                Stage = stage,
                AppliedOn = applied,
                ActivistOn = activist,
                CandidateOn = candidate,
                CreatedAt = now,
                UpdatedAt = now,
            };
            foreach (
                var (s, on) in new[]
                {
                    (DevelopmentStage.Applicant, (DateOnly?)applied),
                    (DevelopmentStage.Activist, activist),
                    (DevelopmentStage.Candidate, candidate),
                }
            )
                if (on is { } d)
                    r.Steps.Add(
                        new RecruitStep
                        {
                            Stage = s,
                            On = d,
                            RecordedAt = now,
                            RecordedBy = "演示数据",
                        }
                    );
            yield return r;
        }
    }

    private async Task CreateAccountsAsync(List<Node> orgs, DateTime now)
    {
        if (!await roles.RoleExistsAsync(Roles.SystemAdmin))
            await roles.CreateAsync(new IdentityRole(Roles.SystemAdmin));
        await CreateAsync(Accounts[0].Card, "区委组织部", null, now, Roles.SystemAdmin);
        var first = await CreateStreetAsync(orgs, "T001", Accounts[1].Card, Accounts[2].Card, now);
        await CreateAsync(Accounts[3].Card, first[2].Name, first[2], now);
        await CreateStreetAsync(orgs, "T002", Accounts[4].Card, Accounts[5].Card, now);
        await db.SaveChangesAsync();
    }

    /// <summary>An administrator of the street and one of its first branch, each one of that branch's members;
    /// returns the branch's first members.</summary>
    private async Task<List<Member>> CreateStreetAsync(
        List<Node> orgs,
        string code,
        string streetCard,
        string branchCard,
        DateTime now
    )
    {
        var town = orgs.First(o => o.Org.Code == code).Org;
        var branch = orgs.First(o => o.Org.Code == code + "B001").Org;
        var inBranch = await db
            .Members.Where(m => m.OrganizationId == branch.Id)
            .OrderBy(m => m.Id)
            .Take(3)
            .ToListAsync();
        var townAdmin = await CreateAsync(streetCard, inBranch[0].Name, inBranch[0], now);
        var branchAdmin = await CreateAsync(branchCard, inBranch[1].Name, inBranch[1], now);
        db.OrgAdministrators.Add(
            new OrgAdministrator
            {
                AccountId = townAdmin.Id,
                OrganizationId = town.Id,
                CreatedAt = now,
            }
        );
        db.OrgAdministrators.Add(
            new OrgAdministrator
            {
                AccountId = branchAdmin.Id,
                OrganizationId = branch.Id,
                CreatedAt = now,
            }
        );
        return inBranch;
    }

    private async Task<Account> CreateAsync(string card, string name, Member? member, DateTime now, string? role = null)
    {
        var account = new Account
        {
            UserName = card,
            DisplayName = name,
            MemberId = member?.Id,
            CreatedAt = now,
            LockoutEnabled = true,
        };
        var result = await users.CreateAsync(account, Password);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        if (member is not null)
        {
            member.CardNumber = card;
            await db.SaveChangesAsync();
        }
        if (role is not null)
            await users.AddToRoleAsync(account, role);
        return account;
    }

    /// <summary>Red cards for the first <paramref name="count"/> members without one, numbered from
    /// 8000000001, all with the demo password (hashed once: the benchmarks sign many members in).</summary>
    public async Task<int> IssueCardsAsync(int count, CancellationToken ct = default)
    {
        db.Scope.BecomeSystem();
        var now = clock.GetUtcNow().UtcDateTime;
        var members = await db.Members.Where(m => m.CardNumber == null).OrderBy(m => m.Id).Take(count).ToListAsync(ct);
        string? hash = null;
        for (var i = 0; i < members.Count; i++)
        {
            var card = (8_000_000_001L + i).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var account = new Account
            {
                UserName = card,
                NormalizedUserName = users.NormalizeName(card),
                DisplayName = members[i].Name,
                MemberId = members[i].Id,
                CreatedAt = now,
                LockoutEnabled = true,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            account.PasswordHash = hash ??= users.PasswordHasher.HashPassword(account, Password);
            members[i].CardNumber = card;
            db.Users.Add(account);
        }
        await db.SaveChangesAsync(ct);
        return members.Count;
    }

    /// <summary>A few materials from the district department to everyone, one or two per column.</summary>
    private static IEnumerable<Material> DemoMaterials(Organization district, DateTime now) =>
        new (string Title, MaterialColumn Column, int Minutes, string Body)[]
        {
            (
                "中国共产党章程(总纲)学习",
                MaterialColumn.KnowledgeBase,
                10,
                "<p>中国共产党是中国工人阶级的先锋队,同时是中国人民和中华民族的先锋队。</p><p>请认真学习党章总纲,理解党的性质、宗旨和指导思想。</p>"
            ),
            (
                "入党誓词的内涵",
                MaterialColumn.KnowledgeBase,
                5,
                "<p>我志愿加入中国共产党,拥护党的纲领,遵守党的章程……</p>"
            ),
            (
                "十分钟党课:践行为民服务",
                MaterialColumn.TenMinuteLesson,
                3,
                "<p>为人民服务是我们党的根本宗旨。本课用十分钟讲清楚一名普通党员如何在身边践行宗旨。</p>"
            ),
            (
                "乡村振兴专题:产业兴旺",
                MaterialColumn.Special,
                8,
                "<p>产业兴旺是乡村振兴的重点。本专题介绍特色种植、乡村旅游等做法。</p>"
            ),
            (
                "《中国共产党党员教育管理工作条例》解读",
                MaterialColumn.PolicyRegulation,
                12,
                "<p>条例对党员教育管理的内容、方式和保障作出规定。</p>"
            ),
            (
                "柑橘春季管护实用技术",
                MaterialColumn.PracticalSkills,
                6,
                "<p>春季是柑橘管护的关键时期:修剪、施肥、病虫害防治。</p>"
            ),
        }.Select(
            (m, i) =>
                new Material
                {
                    Title = m.Title,
                    Column = m.Column,
                    Kind = MaterialKind.Article,
                    Body = m.Body,
                    EstimatedMinutes = m.Minutes,
                    PublishAt = now.AddDays(-20 + i * 3),
                    CreatedAt = now,
                    CreatedBy = "区委组织部",
                    OrganizationId = district.Id,
                    Audiences = [new() { Path = district.Path }],
                }
        );
}
