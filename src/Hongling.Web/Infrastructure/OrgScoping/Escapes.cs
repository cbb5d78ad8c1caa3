using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Data;

/// <summary>The named escapes from the org-scope filters: every read past the filters goes through one of these,
/// and each says why. Features never call IgnoreQueryFilters themselves (one grep of this file lists them
/// all).</summary>
public abstract partial class HonglingDb
{
    /// <summary>Organizations of the whole platform: a code is unique platform-wide, a transfer names its receiving
    /// organization by code, candidates choose the organization they register with, and the public website shows any
    /// organization's page. An organization being deleted is checked for children outside the caller's view. A booking
    /// calendar names the organization that offers it to a branch whose administrator does not administer it.</summary>
    public IQueryable<Organization> OrganizationsOfThePlatform => Organizations.IgnoreQueryFilters();

    /// <summary>Member records of the whole platform, departed ones included: an ID number is unique platform-wide
    /// (whose is it?), a transfer's receiving side and its letter read the member it moves, an organization still
    /// holding departed members' records cannot be deleted, exam candidacy reads the account's own record, and a
    /// sign-in
    /// records the signing member's branch before any scope is loaded (the account's own record, by its member
    /// id).</summary>
    public IQueryable<Member> MembersOfThePlatform => Members.IgnoreQueryFilters();

    /// <summary>Transfers of the whole platform: a letter number is unique platform-wide, and a member's record shows
    /// their whole history of transfers, whichever side recorded each.</summary>
    public IQueryable<Transfer> TransfersOfThePlatform => Transfers.IgnoreQueryFilters();

    /// <summary>Administrator posts of the whole platform: a member whose relationship leaves loses every post they
    /// held, wherever it was.</summary>
    public IQueryable<OrgAdministrator> AdministratorPostsOfThePlatform => OrgAdministrators.IgnoreQueryFilters();

    /// <summary>Development records of the whole platform: the record stays with the branch that recruited, and the
    /// member's present branch completes it when the member becomes a full member.</summary>
    public IQueryable<Recruit> RecruitsOfThePlatform => Recruits.IgnoreQueryFilters();

    /// <summary>Sign-in accounts before any scope exists: the session store decides who the caller is.</summary>
    public IQueryable<Account> AccountsOfThePlatform => Users.IgnoreQueryFilters();

    /// <summary>Exam candidates' own records, found by their account alone: a registrant (报名人员) and their approvals
    /// lie outside every administrator's filter of theirs (nobody administers themselves), and so may their
    /// exam.</summary>
    public IQueryable<Registrant> RegistrantsOfThePlatform => Registrants.IgnoreQueryFilters();

    /// <inheritdoc cref="RegistrantsOfThePlatform"/>
    public IQueryable<ExamApproval> ExamApprovalsOfThePlatform => ExamApprovals.IgnoreQueryFilters();

    /// <inheritdoc cref="RegistrantsOfThePlatform"/>
    public IQueryable<Exam> ExamsOfThePlatform => Exams.IgnoreQueryFilters();

    /// <summary>Attempts by id or account, past the filters: the candidate's own attempts (the account is the whole
    /// rule; a registrant's exam is outside every filter), the paper cache once the attempt's account was compared
    /// with the caller's, and grading, which runs for the candidate and for the auto-submit job alike.</summary>
    public IQueryable<Attempt> AttemptsOfAllAccounts => Attempts.IgnoreQueryFilters();

    /// <summary>An exam draws its questions from the banks of its organization and every ancestor: a branch's exam
    /// may use the district's bank, which the branch's administrators do not administer.</summary>
    public IQueryable<Question> QuestionsOfBanksAbove(string examOrgPath) =>
        Questions.IgnoreQueryFilters().Where(q => !q.Retired && examOrgPath.StartsWith(q.OrgPath));

    /// <inheritdoc cref="QuestionsOfBanksAbove"/>
    public IQueryable<QuestionCategory> CategoriesOfBanksAbove(string orgPath) =>
        QuestionCategories.IgnoreQueryFilters().Where(c => orgPath.StartsWith(c.OrgPath));

    /// <summary>The district's settings, set at the root: every unit reads the quota its root set.</summary>
    public IQueryable<SubmissionSettings> SubmissionSettingsOfTheRoots =>
        SubmissionSettings.IgnoreQueryFilters().Where(s => s.Organization.ParentId == null);

    /// <summary>The monthly targets the issuers above an organization set (下月工作重点): a branch works towards them
    /// and its secretary's home page shows how far it is, though the branch administers none of its issuers.</summary>
    public IQueryable<BulletinTargets> BulletinTargetsSetAbove(string orgPath) =>
        BulletinTargets.IgnoreQueryFilters().Where(t => orgPath.StartsWith(t.OrgPath));

    /// <summary>The messages a member wrote, to whichever organization: the member administers none of them.</summary>
    public IQueryable<Message> MessagesWrittenBy(int memberId) =>
        Messages.IgnoreQueryFilters().Where(m => m.MemberId == memberId);

    /// <summary>The seat numbers taken in a lecture course, whoever holds them: a member taking a seat must know which
    /// are free, though they read no one else's enrolment. Only the numbers leave.</summary>
    public IQueryable<int> SeatsTakenIn(int courseId) =>
        LectureEnrolments.IgnoreQueryFilters().Where(e => e.CourseId == courseId).Select(e => e.SeatNumber);

    /// <summary>The anonymous public website shows what the platform publishes to the public, from every
    /// organization; the website's queries (Features/Website/PublicContent) narrow each type to what is
    /// public.</summary>
    public IQueryable<T> ForThePublicWebsite<T>()
        where T : class => Set<T>().IgnoreQueryFilters();
}
