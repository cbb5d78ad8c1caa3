using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Notifications;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Infrastructure;

/// <summary>Walks the EF model: every type that belongs to an organization is filtered by the scope and
/// cannot be written outside it. A new organization-owned type without a row factory here fails the walk.</summary>
public sealed class OrgScopeModelTests(TestApp app) : IClassFixture<TestApp>
{
    /// <summary>How to make one row of each organization-owned type in a given organization.</summary>
    private static readonly Dictionary<Type, Func<IServiceProvider, Organization, Task<object>>> Factories = new()
    {
        [typeof(Member)] = async (sp, org) => await AddAsync(sp, NewMember(sp, org)),
        [typeof(OrgAdministrator)] = async (sp, org) =>
        {
            var db = sp.GetRequiredService<HonglingDb>();
            var account = new Account { UserName = TestApp.NewCard(), SecurityStamp = Guid.NewGuid().ToString() };
            db.Users.Add(account);
            await db.SaveChangesAsync();
            return await AddAsync(sp, new OrgAdministrator { AccountId = account.Id, OrganizationId = org.Id });
        },
        [typeof(DuesPayment)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            return await AddAsync(
                sp,
                new DuesPayment
                {
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    Month = 202611,
                    Amount = 10m,
                    PaidOn = new DateOnly(2026, 11, 5),
                }
            );
        },
        [typeof(CorrectionRequest)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            return await AddAsync(
                sp,
                new CorrectionRequest
                {
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    Text = "籍贯有误",
                    State = CorrectionState.Open,
                }
            );
        },
        [typeof(Material)] = async (sp, org) => await AddAsync(sp, NewMaterial(org)),
        [typeof(StudySession)] = async (sp, org) =>
        {
            var (member, material) = await MemberAndMaterialAsync(sp, org);
            return await AddAsync(
                sp,
                new StudySession
                {
                    Id = Guid.NewGuid(),
                    MemberId = member.Id,
                    MaterialId = material.Id,
                    OrganizationId = org.Id,
                    OpenedAt = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc),
                }
            );
        },
        [typeof(StudyDay)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            return await AddAsync(
                sp,
                new StudyDay
                {
                    MemberId = member.Id,
                    Day = new DateOnly(2026, 11, 5),
                    OrganizationId = org.Id,
                    StudyMinutes = 3,
                    OnlineMinutes = 4,
                }
            );
        },
        [typeof(MaterialProgress)] = async (sp, org) =>
        {
            var (member, material) = await MemberAndMaterialAsync(sp, org);
            return await AddAsync(
                sp,
                new MaterialProgress
                {
                    MemberId = member.Id,
                    MaterialId = material.Id,
                    OrganizationId = org.Id,
                    CreditedMinutes = 3,
                    FirstOpenedAt = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc),
                }
            );
        },
        [typeof(Lesson)] = async (sp, org) =>
        {
            var material = (Material)await AddAsync(sp, NewMaterial(org));
            return await AddAsync(
                sp,
                new Lesson
                {
                    OrganizationId = org.Id,
                    MaterialId = material.Id,
                    AudiencePath = org.Path,
                    ScheduledAt = new DateTime(2026, 11, 5, 2, 0, 0, DateTimeKind.Utc),
                }
            );
        },
        [typeof(QuestionCategory)] = async (sp, org) =>
            await AddAsync(sp, new QuestionCategory { Name = "党史", OrganizationId = org.Id }),
        [typeof(Question)] = async (sp, org) =>
        {
            var category = (QuestionCategory)
                await AddAsync(sp, new QuestionCategory { Name = "理论", OrganizationId = org.Id });
            return await AddAsync(
                sp,
                new Question
                {
                    Stem = "题干",
                    Type = QuestionType.TrueFalse,
                    CategoryId = category.Id,
                    OrganizationId = org.Id,
                    Options = [new("正确", true), new("错误", false)],
                }
            );
        },
        [typeof(Exam)] = async (sp, org) => await AddAsync(sp, NewExam(org)),
        [typeof(Attempt)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var exam = (Exam)await AddAsync(sp, NewExam(org));
            return await AddAsync(
                sp,
                new Attempt
                {
                    Id = Guid.NewGuid(),
                    ExamId = exam.Id,
                    MemberId = member.Id,
                    AccountId = "x",
                    OrganizationId = org.Id,
                    Number = 1,
                }
            );
        },
        [typeof(Registrant)] = async (sp, org) => await AddAsync(sp, await NewRegistrantAsync(sp, org)),
        [typeof(ExamApproval)] = async (sp, org) =>
        {
            var registrant = (Registrant)await AddAsync(sp, await NewRegistrantAsync(sp, org));
            var exam = (Exam)await AddAsync(sp, NewExam(org));
            return await AddAsync(
                sp,
                new ExamApproval
                {
                    ExamId = exam.Id,
                    RegistrantId = registrant.Id,
                    OrganizationId = org.Id,
                }
            );
        },
        [typeof(Recruit)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Recruit
                {
                    Name = "申请人",
                    OrganizationId = org.Id,
                    Stage = DevelopmentStage.Applicant,
                    AppliedOn = new DateOnly(2026, 3, 1),
                }
            ),
        [typeof(Activity)] = async (sp, org) => await AddAsync(sp, NewActivity(org)),
        [typeof(ActivityParticipant)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var activity = (Activity)await AddAsync(sp, NewActivity(org));
            return await AddAsync(
                sp,
                new ActivityParticipant
                {
                    ActivityId = activity.Id,
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                }
            );
        },
        [typeof(BookableResource)] = async (sp, org) => await AddAsync(sp, NewResource(org)),
        [typeof(Booking)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var resource = (BookableResource)await AddAsync(sp, NewResource(org));
            var start = new DateTime(2030, 6, 3, 1, 0, 0, DateTimeKind.Utc);
            return await AddAsync(
                sp,
                new Booking
                {
                    ResourceId = resource.Id,
                    StartsAt = start,
                    EndsAt = start.AddHours(1),
                    Seat = 1,
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    BookedBy = "模型",
                }
            );
        },
        [typeof(VolunteerProject)] = async (sp, org) => await AddAsync(sp, NewVolunteerProject(org)),
        [typeof(VolunteerSignUp)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var project = (VolunteerProject)await AddAsync(sp, NewVolunteerProject(org));
            return await AddAsync(
                sp,
                new VolunteerSignUp
                {
                    ProjectId = project.Id,
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                }
            );
        },
        [typeof(Album)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Album
                {
                    OrganizationId = org.Id,
                    AudiencePath = org.Path,
                    Title = "相册",
                }
            ),
        [typeof(AlbumPhoto)] = async (sp, org) =>
        {
            var album = (Album)
                await AddAsync(
                    sp,
                    new Album
                    {
                        OrganizationId = org.Id,
                        AudiencePath = org.Path,
                        Title = "相册",
                    }
                );
            return await AddAsync(
                sp,
                new AlbumPhoto
                {
                    AlbumId = album.Id,
                    OrganizationId = org.Id,
                    AudiencePath = org.Path,
                    Image = [1],
                    Thumbnail = [1],
                }
            );
        },
        [typeof(ThoughtReport)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            return await AddAsync(
                sp,
                new ThoughtReport
                {
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    Title = "思想汇报",
                    Text = "内容",
                }
            );
        },
        [typeof(WorkUpdate)] = async (sp, org) =>
            await AddAsync(
                sp,
                new WorkUpdate
                {
                    OrganizationId = org.Id,
                    Kind = WorkUpdateKind.Original,
                    Title = "动态",
                    Body = "<p>正文</p>",
                }
            ),
        [typeof(Notice)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Notice
                {
                    OrganizationId = org.Id,
                    AudiencePath = org.Path,
                    Title = "公告",
                    Body = "<p>正文</p>",
                }
            ),
        [typeof(Message)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Message
                {
                    OrganizationId = org.Id,
                    AuthorName = "群众",
                    Body = "留言",
                    State = MessageState.Unanswered,
                }
            ),
        [typeof(Submission)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Submission
                {
                    OrganizationId = org.Id,
                    Title = "信息",
                    Body = "<p>正文</p>",
                    Author = "作者",
                    State = SubmissionState.Submitted,
                }
            ),
        [typeof(SubmissionSettings)] = async (sp, org) =>
            await AddAsync(sp, new SubmissionSettings { OrganizationId = org.Id, MonthlyQuota = 3 }),
        [typeof(RichTextImage)] = async (sp, org) =>
            await AddAsync(
                sp,
                new RichTextImage
                {
                    Id = Guid.NewGuid(),
                    OrganizationId = org.Id,
                    Image = [1],
                    Width = 1,
                    Height = 1,
                    AccountId = "x",
                    UploadedBy = "模型",
                }
            ),
        [typeof(Site)] = async (sp, org) => await AddAsync(sp, NewSite(org)),
        [typeof(Equipment)] = async (sp, org) =>
            await AddAsync(sp, NewEquipment((Site)await AddAsync(sp, NewSite(org)))),
        [typeof(EquipmentStateChange)] = async (sp, org) =>
        {
            var equipment = (Equipment)await AddAsync(sp, NewEquipment((Site)await AddAsync(sp, NewSite(org))));
            return await AddAsync(
                sp,
                new EquipmentStateChange
                {
                    EquipmentId = equipment.Id,
                    OrganizationId = org.Id,
                    To = EquipmentState.Faulty,
                    ChangedBy = "模型",
                }
            );
        },
        [typeof(SiteMaintenance)] = async (sp, org) =>
        {
            var site = (Site)await AddAsync(sp, NewSite(org));
            return await AddAsync(
                sp,
                new SiteMaintenance
                {
                    SiteId = site.Id,
                    OrganizationId = org.Id,
                    Date = new DateOnly(2026, 3, 1),
                    Work = "更换机顶盒",
                    Cost = 120.50m,
                }
            );
        },
        [typeof(Terminal)] = async (sp, org) => await AddAsync(sp, NewTerminal((Site)await AddAsync(sp, NewSite(org)))),
        [typeof(ViewingSession)] = async (sp, org) =>
        {
            var terminal = (Terminal)await AddAsync(sp, NewTerminal((Site)await AddAsync(sp, NewSite(org))));
            var at = new DateTime(2026, 3, 1, 2, 0, 0, DateTimeKind.Utc);
            return await AddAsync(
                sp,
                new ViewingSession
                {
                    SiteId = terminal.SiteId,
                    TerminalId = terminal.Id,
                    OrganizationId = org.Id,
                    ClientId = Guid.NewGuid().ToString(),
                    StartedAt = at,
                    EndedAt = at.AddHours(1),
                    Month = 202603,
                    Courseware = "课件",
                    ReceivedAt = at.AddHours(1),
                }
            );
        },
        [typeof(Bulletin)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Bulletin
                {
                    OrganizationId = org.Id,
                    AudiencePath = org.Path,
                    IssuerName = org.Name,
                    Month = 202603,
                    FirstMonth = 202603,
                    RatesSince = new DateOnly(2026, 1, 1),
                    Number = 1,
                    Version = 1,
                    IsCurrent = true,
                    Content = "{}",
                }
            ),
        [typeof(Notification)] = async (sp, org) =>
            await AddAsync(
                sp,
                new Notification
                {
                    OrganizationId = org.Id,
                    Title = "消息",
                    Text = "正文",
                }
            ),
        [typeof(BulletinSettings)] = async (sp, org) =>
            await AddAsync(sp, new BulletinSettings { OrganizationId = org.Id }),
        [typeof(BulletinTargets)] = async (sp, org) =>
            await AddAsync(sp, new BulletinTargets { OrganizationId = org.Id, Month = 202604 }),
        // ---- Aid and the red lecture hall (Features/Aid, Features/Lectures) ----
        [typeof(Fund)] = async (sp, org) => await AddAsync(sp, NewFund(org)),
        [typeof(FundEntry)] = async (sp, org) =>
        {
            var fund = (Fund)await AddAsync(sp, NewFund(org));
            return await AddAsync(
                sp,
                new FundEntry
                {
                    FundId = fund.Id,
                    OrganizationId = org.Id,
                    Sequence = 1,
                    Amount = 100m,
                    BalanceAfter = 100m,
                    Note = "入账",
                }
            );
        },
        [typeof(AidApplication)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var fund = (Fund)await AddAsync(sp, NewFund(org));
            return await AddAsync(
                sp,
                new AidApplication
                {
                    FundId = fund.Id,
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    Kind = AidKind.Emergency,
                    AmountAsked = 500m,
                    Reason = "因病",
                }
            );
        },
        [typeof(Visit)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            return await AddAsync(
                sp,
                new Visit
                {
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    On = new DateOnly(2026, 3, 1),
                    Visitors = "书记",
                    Given = "慰问品",
                }
            );
        },
        [typeof(LectureCourse)] = async (sp, org) => await AddAsync(sp, NewCourse(org)),
        [typeof(LectureEnrolment)] = async (sp, org) =>
        {
            var member = (Member)await AddAsync(sp, NewMember(sp, org));
            var course = (LectureCourse)await AddAsync(sp, NewCourse(org));
            return await AddAsync(
                sp,
                new LectureEnrolment
                {
                    CourseId = course.Id,
                    MemberId = member.Id,
                    OrganizationId = org.Id,
                    Name = "党员",
                    SeatNumber = 1,
                }
            );
        },
    };

    private static BookableResource NewResource(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Kind = BookableKind.Room,
            Name = "学习室",
            Place = "二楼",
            Capacity = 10,
            Weekdays = 127,
            OpensAt = new TimeOnly(9, 0),
            ClosesAt = new TimeOnly(17, 0),
            SlotMinutes = 60,
        };

    private static VolunteerProject NewVolunteerProject(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Title = "志愿服务",
            Place = "社区",
            StartsAt = new DateTime(2030, 6, 1, 1, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2030, 6, 1, 4, 0, 0, DateTimeKind.Utc),
        };

    private static Fund NewFund(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Name = "互助金",
            Kind = FundKind.MutualAid,
        };

    private static LectureCourse NewCourse(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Title = "红色讲坛",
            Target = LectureTarget.AllMembers,
            Seats = 10,
            CompletionSessions = 1,
        };

    private static Activity NewActivity(Organization org) =>
        new()
        {
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            Kind = ActivityKind.ThemeDay,
            Topic = "主题党日",
            Place = "会议室",
            StartsAt = new DateTime(2026, 11, 1, 1, 0, 0, DateTimeKind.Utc),
            EndsAt = new DateTime(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc),
        };

    private static Exam NewExam(Organization org) =>
        new()
        {
            Title = "考试",
            OrganizationId = org.Id,
            AudiencePath = org.Path,
            OpensAt = DateTime.UtcNow,
            ClosesAt = DateTime.UtcNow.AddDays(1),
            DurationMinutes = 30,
        };

    private static async Task<Registrant> NewRegistrantAsync(IServiceProvider sp, Organization org)
    {
        var db = sp.GetRequiredService<HonglingDb>();
        var mobile = "139" + Random.Shared.Next(10_000_000, 99_999_999);
        var account = new Account { UserName = mobile, SecurityStamp = Guid.NewGuid().ToString() };
        db.Users.Add(account);
        await db.SaveChangesAsync();
        return new Registrant
        {
            AccountId = account.Id,
            Name = "考生",
            Mobile = mobile,
            WorkUnit = "远教站点",
            OrganizationId = org.Id,
        };
    }

    private static Site NewSite(Organization org) =>
        new()
        {
            Name = "站点",
            Code = "S" + Guid.NewGuid().ToString("N")[..12],
            OrganizationId = org.Id,
            Kind = SiteKind.Village,
        };

    private static Equipment NewEquipment(Site site) =>
        new()
        {
            SiteId = site.Id,
            OrganizationId = site.OrganizationId,
            Kind = EquipmentKind.SetTopBox,
        };

    private static Terminal NewTerminal(Site site) =>
        new()
        {
            SiteId = site.Id,
            OrganizationId = site.OrganizationId,
            Name = "终端",
            KeyHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
            KeyHint = "abcd",
        };

    private static Member NewMember(IServiceProvider sp, Organization org)
    {
        var id = TestApp.NextIdNumber();
        var m = new Member
        {
            Name = "模型",
            BirthDate = IdNumber.BirthDate(id)!.Value,
            Mobile = "13800000000",
            OrganizationId = org.Id,
            Status = MemberStatus.Full,
            JoinedOn = new DateOnly(2000, 1, 1),
        };
        Hongling.Web.Infrastructure.Pii.MemberPii.SetIdNumber(
            sp.GetRequiredService<Hongling.Web.Infrastructure.Pii.PiiProtector>(),
            m,
            id
        );
        return m;
    }

    private static Material NewMaterial(Organization org) =>
        new()
        {
            Title = "模型资料",
            Column = MaterialColumn.KnowledgeBase,
            Kind = MaterialKind.Article,
            EstimatedMinutes = 10,
            PublishAt = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            CreatedBy = "模型",
            OrganizationId = org.Id,
            Audiences = [new() { Path = org.Path }],
        };

    private static async Task<(Member, Material)> MemberAndMaterialAsync(IServiceProvider sp, Organization org) =>
        ((Member)await AddAsync(sp, NewMember(sp, org)), (Material)await AddAsync(sp, NewMaterial(org)));

    private static async Task<object> AddAsync(IServiceProvider sp, object entity)
    {
        var db = sp.GetRequiredService<HonglingDb>();
        db.Add(entity);
        await db.SaveChangesAsync();
        return entity;
    }

    private Microsoft.EntityFrameworkCore.Metadata.IModel Model()
    {
        using var scope = app.Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<HonglingDb>().Model;
    }

    private List<Type> OrgOwnedTypes() =>
        Model()
            .GetEntityTypes()
            .Where(t =>
                t.GetForeignKeys().Any(fk => fk.PrincipalEntityType.ClrType == typeof(Organization))
                && t.ClrType != typeof(Organization)
            )
            .Select(t => t.ClrType)
            .ToList();

    /// <summary>Members delete rows only of the types listed here; a new one must be added on purpose.</summary>
    [Fact]
    public void OnlyLectureEnrolments_AreRowsAMemberMayDelete()
    {
        var cancellable = Model()
            .GetEntityTypes()
            .Select(t => t.ClrType)
            .Where(t => typeof(IMemberCancellable).IsAssignableFrom(t))
            .ToList();
        Assert.Equal([typeof(LectureEnrolment)], cancellable);
    }

    [Fact]
    public void EveryTypeReferencingAnOrganization_IsOrgOwned_FilteredAndHasAFactoryHere()
    {
        var types = OrgOwnedTypes();
        Assert.NotEmpty(types);
        var filtered = Model()
            .GetEntityTypes()
            .Where(t => t.GetDeclaredQueryFilters().Any())
            .Select(t => t.ClrType)
            .ToHashSet();
        Assert.Contains(typeof(Organization), filtered);
        Assert.All(Model().GetEntityTypes().Where(t => typeof(IScopedByPath).IsAssignableFrom(t.ClrType)), t =>
            Assert.Contains(t.ClrType, filtered)
        );
        foreach (var type in types)
        {
            Assert.True(
                typeof(IOrgOwned).IsAssignableFrom(type),
                $"{type.Name} references an organization but is not IOrgOwned"
            );
            Assert.Contains(type, filtered);
            Assert.True(Factories.ContainsKey(type), $"Add a row factory for {type.Name} to this test");
        }
    }

    [Fact]
    public async Task EveryOrgOwnedType_AdminOfA_ReadsNoRowOfB_AndCannotWriteIt()
    {
        var (_, a) = await app.AddTownAsync("模型甲");
        var (_, b) = await app.AddTownAsync("模型乙");
        foreach (var type in OrgOwnedTypes())
        {
            object inA,
                inB;
            using (var setup = app.Services.CreateScope())
            {
                setup.ServiceProvider.GetRequiredService<OrgScope>().BecomeSystem();
                inA = await Factories[type](setup.ServiceProvider, a);
                inB = await Factories[type](setup.ServiceProvider, b);
            }

            using var scope = app.Services.CreateScope();
            var orgScope = scope.ServiceProvider.GetRequiredService<OrgScope>();
            orgScope.Load([a.Path], memberId: null, memberOrgPath: null);
            var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
            var rows = await (
                (IQueryable<IOrgOwned>)
                    typeof(DbContext)
                        .GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
                        .MakeGenericMethod(type)
                        .Invoke(db, null)!
            )
                .Select(x => x.OrganizationId)
                .ToListAsync(TestContext.Current.CancellationToken);
            Assert.Equal(a.Path, ((IOrgOwned)inA).OrgPath); // stamped on save
            Assert.Contains(((IOrgOwned)inA).OrganizationId, rows);
            Assert.DoesNotContain(b.Id, rows);
            Assert.All(rows, id => Assert.Equal(a.Id, id));

            // A write to B's row, reached around the filter, is refused at SaveChanges.
            var key = db
                .Model.FindEntityType(type)!
                .FindPrimaryKey()!
                .Properties.Select(p => p.PropertyInfo!.GetValue(inB))
                .ToArray();
            var foreign = await db.FindAsync(type, key);
            Assert.Null(foreign); // Find honours the filter too
            db.Attach(inB);
            db.Entry(inB).State = EntityState.Modified;
            await Assert.ThrowsAsync<OrgScopeViolationException>(() => db.SaveChangesAsync());
            db.ChangeTracker.Clear();

            // Moving A's row into B is refused as well.
            db.Attach(inA);
            db.Entry(inA).Property(nameof(IOrgOwned.OrganizationId)).CurrentValue = b.Id;
            await Assert.ThrowsAsync<OrgScopeViolationException>(() => db.SaveChangesAsync());
        }
    }

    [Fact]
    public async Task Organizations_AdminOfA_SeesOnlyTheSubtree_AndCannotCreateOutsideIt()
    {
        var (townA, a) = await app.AddTownAsync("树甲");
        var (townB, _) = await app.AddTownAsync("树乙");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([townA.Path], null, null);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var visible = await db.Organizations.Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(new[] { townA.Id, a.Id }.Order(), visible.Order());

        var outside = new Organization
        {
            Code = TestApp.UniqueCode("X"),
            Name = "越权",
            Kind = OrgKind.Branch,
        };
        outside.PlaceUnder(townB);
        db.Organizations.Add(outside);
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task AdminOfFiveSubtrees_SeesAllFive_AndNoLookalikeNeighbour()
    {
        // Five subtrees exercise both the indexed path ranges and the overflow list; a sixth town whose
        // code extends another's ("T…1" and "T…10") must not leak in through a bare prefix.
        var towns = new List<(Organization Town, Organization Branch)>();
        for (var i = 0; i < 5; i++)
            towns.Add(await app.AddTownAsync($"多{i}"));
        var lookalike = await app.WithDbAsync(async db =>
        {
            var parent = await db.Organizations.SingleAsync(o => o.Id == towns[0].Town.Id);
            var sibling = new Organization
            {
                Code = parent.Code + "0",
                Name = "相似",
                Kind = OrgKind.Branch,
            };
            sibling.PlaceUnder(await db.Organizations.SingleAsync(o => o.Id == parent.ParentId));
            db.Organizations.Add(sibling);
            await db.SaveChangesAsync();
            return sibling;
        });
        var members = new List<Member>();
        foreach (var (_, branch) in towns)
            members.Add(await app.AddMemberAsync(branch));
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([.. towns.Select(t => t.Town.Path)], null, null);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var seen = await db.Members.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(members.Select(m => m.Id).Order(), seen.Order());
        var orgs = await db
            .AdministeredOrganizations.Select(o => o.Id)
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10, orgs.Count);
        Assert.DoesNotContain(lookalike.Id, orgs);
    }

    [Fact]
    public async Task OrgPath_FollowsTheRowWhenItMovesToAnotherOrganization()
    {
        var (_, a) = await app.AddTownAsync("迁出");
        var (_, b) = await app.AddTownAsync("迁入");
        var member = await app.AddMemberAsync(a);
        var moved = await app.WithDbAsync(async db =>
        {
            var m = await db.Members.SingleAsync(x => x.Id == member.Id);
            m.OrganizationId = b.Id;
            await db.SaveChangesAsync();
            return await db.Members.AsNoTracking().SingleAsync(x => x.Id == member.Id);
        });
        Assert.Equal(b.Path, moved.OrgPath);
    }

    [Fact]
    public async Task Member_SeesOwnRecordAndBranchChain_ButNoOneElse()
    {
        var (town, branch) = await app.AddTownAsync("党员视角");
        var me = await app.AddMemberAsync(branch, "本人");
        var other = await app.AddMemberAsync(branch, "同支部");
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([], me.Id, branch.Path);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        Assert.Equal([me.Id], await db.Members.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken));
        var orgs = await db.Organizations.Select(o => o.Id).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Contains(branch.Id, orgs);
        Assert.Contains(town.Id, orgs);
        Assert.DoesNotContain(
            other.Id,
            await db.Members.Select(m => m.Id).ToListAsync(TestContext.Current.CancellationToken)
        );
        Assert.Empty(await db.AdministeredMembers.ToListAsync(TestContext.Current.CancellationToken));

        var mine = await db.Members.SingleAsync(TestContext.Current.CancellationToken);
        mine.Name = "改名";
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Member_ReadsTheViewsOfTheirOwnIdNumber_AndNoOtherLogEntry()
    {
        var (_, branch) = await app.AddTownAsync("日志视角");
        var me = await app.AddMemberAsync(branch, "本人");
        var other = await app.AddMemberAsync(branch, "同支部");
        await app.WithDbAsync(db =>
        {
            db.LogView(me, "IdNumber", "核对党员信息");
            db.LogView(other, "IdNumber", "核对党员信息");
            db.LogChange(me, "Mobile", "1", "2"); // an entry about their record that is not a view
            return db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([], me.Id, branch.Path);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var seen = await db.AuditEntries.ToListAsync(TestContext.Current.CancellationToken);
        var entry = Assert.Single(seen);
        Assert.Equal((AuditAction.Viewed, me.Id.ToString()), (entry.Action, entry.EntityId));

        using var none = app.Services.CreateScope();
        var anonymous = none.ServiceProvider.GetRequiredService<HonglingDb>();
        Assert.Equal(0, await anonymous.AuditEntries.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task InsertUnderPath_AdminOfA_WritesUnderA_ButNothingUnderB()
    {
        var (_, a) = await app.AddTownAsync("批量甲");
        var (_, b) = await app.AddTownAsync("批量乙");
        var member = await app.AddMemberAsync(a);
        var (inA, inB) = await app.WithDbAsync(async db =>
        {
            var x = new Notification { OrganizationId = a.Id, Title = "甲" };
            var y = new Notification { OrganizationId = b.Id, Title = "乙" };
            db.Notifications.AddRange(x, y);
            await db.SaveChangesAsync();
            return (x, y);
        });
        OutboxItem Row(Notification n) =>
            new()
            {
                NotificationId = n.Id,
                MemberId = member.Id,
                OrgPath = "/elsewhere/",
                Channel = NotificationChannel.Inbox,
            };
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([a.Path], null, null);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var ct = TestContext.Current.CancellationToken;
        await Assert.ThrowsAsync<OrgScopeViolationException>(() => db.InsertUnderPathAsync(b.Path, [Row(inB)], ct));
        Assert.Equal(2, await db.InsertUnderPathAsync(a.Path, [Row(inA), Row(inA)], ct));
        Assert.Equal(
            [a.Path, a.Path],
            await db.OutboxItems.Where(o => o.NotificationId == inA.Id).Select(o => o.OrgPath).ToListAsync(ct)
        );
        var all = await app.WithDbAsync(d => d.OutboxItems.CountAsync(o => o.NotificationId == inB.Id, ct));
        Assert.Equal(0, all);
    }

    [Fact]
    public async Task BulletinTargetsSetAbove_ReachesABranchFromItsIssuers_NotFromAnotherTown()
    {
        var (town, branch) = await app.AddTownAsync("目标镇");
        var (otherTown, _) = await app.AddTownAsync("别的目标镇");
        await app.WithDbAsync(async db =>
        {
            db.BulletinTargets.Add(
                new BulletinTargets
                {
                    OrganizationId = town.Id,
                    Month = 203001,
                    NoticesPerBranch = 2,
                }
            );
            db.BulletinTargets.Add(
                new BulletinTargets
                {
                    OrganizationId = otherTown.Id,
                    Month = 203001,
                    NoticesPerBranch = 9,
                }
            );
            return await db.SaveChangesAsync();
        });
        using var scope = app.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<OrgScope>().Load([branch.Path], null, null);
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        var ct = TestContext.Current.CancellationToken;
        // The filter alone shows the branch's administrator no issuer's targets; the escape shows its own issuer's.
        Assert.Equal(0, await db.BulletinTargets.CountAsync(ct));
        var above = db.BulletinTargetsSetAbove(branch.Path).Where(t => t.Month == 203001);
        Assert.Equal([2], await above.Select(t => t.NoticesPerBranch).ToListAsync(ct));
    }

    [Fact]
    public async Task NewScope_SeesNothing_FailsClosed()
    {
        var (_, branch) = await app.AddTownAsync("空视角");
        await app.AddMemberAsync(branch);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HonglingDb>();
        Assert.Equal(0, await db.Members.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await db.Organizations.CountAsync(TestContext.Current.CancellationToken));
    }
}
