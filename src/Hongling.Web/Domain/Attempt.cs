namespace Hongling.Web.Domain;

public enum AttemptState
{
    InProgress = 0,
    AwaitingReview = 1,
    Graded = 2,
}

/// <summary>One candidate's paper of an exam (试卷): drawn and frozen at start. The id is a random
/// 128-bit Guid, never guessable. Owned by the candidate's branch, so administrators see the attempts
/// of their subtree and the candidate's account reads its own (IAccountOwned). The candidate is a member
/// or an approved registrant (报名人员); a registrant's attempt belongs to the organization they registered
/// under.</summary>
public sealed class Attempt : IOrgOwned, IAccountOwned
{
    public Guid Id { get; set; }
    public int ExamId { get; set; }
    public Exam Exam { get; set; } = null!;
    public int? MemberId { get; set; }
    public Member? Member { get; set; }
    public int? RegistrantId { get; set; }
    public Registrant? Registrant { get; set; }
    public required string AccountId { get; set; }
    public int OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;
    public string OrgPath { get; set; } = "";

    /// <summary>1 for the first attempt; unique per exam and account, so two concurrent starts cannot both take the
    /// last one.</summary>
    public int Number { get; set; }
    public DateTime StartedAt { get; set; }

    /// <summary>min(start + duration, window close), enforced by the server.</summary>
    public DateTime Deadline { get; set; }
    public AttemptState State { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public bool AutoSubmitted { get; set; }

    /// <summary>How many times the submission was graded: 1 once submitted, ever. Counted in the same UPDATE that
    /// writes the graded total, so a second grading (which would give the same score) shows; bench/exam.sh checks it.
    /// Grading a short answer by hand afterwards does not count.</summary>
    public int GradedCount { get; set; }
    public decimal? Score { get; set; }
    public decimal MaxScore { get; set; }
    public bool? Passed { get; set; }
    public List<AttemptItem> Items { get; set; } = [];
}

/// <summary>One question of an attempt, frozen: the version of the question it drew (<see cref="Question"/>),
/// the option keys in the order shown (per-attempt random keys, shuffled), the points, and the candidate's
/// answer. The text, options and accepted answers are the version's, stored once for every paper that drew
/// it.</summary>
public sealed class AttemptItem
{
    public Guid AttemptId { get; set; }
    public int Position { get; set; }
    public int QuestionId { get; set; }
    public int QuestionVersion { get; set; }
    public QuestionVersion Question { get; set; } = null!;
    public QuestionType Type { get; set; }

    /// <summary>The options as shown: each one's key and its index among the version's options.</summary>
    public List<OptionKey> Keys { get; set; } = [];
    public decimal Points { get; set; }

    /// <summary>Choice keys, blank texts or the short answer's text; null until answered.</summary>
    public List<string>? Answer { get; set; }

    /// <summary>The client's sequence number of the stored answer: an older or replayed autosave changes
    /// nothing.</summary>
    public long AnswerSeq { get; set; }
    public decimal? Score { get; set; }
    public string? GradedBy { get; set; }

    // The question as this paper shows and grades it (needs Question loaded).
    public string Stem => Question.Stem;
    public List<FrozenOption> Options =>
        [
            .. Keys.Select(k => new FrozenOption(
                k.Key,
                Question.Options[k.Index].Text,
                Question.Options[k.Index].Correct
            )),
        ];
    public List<List<string>> Blanks => Question.Blanks;
    public string? Explanation => Question.Explanation;
}

public sealed record OptionKey(string Key, int Index);

/// <summary>An option of a paper: its key in this attempt, with the version's text and correctness.</summary>
public sealed record FrozenOption(string Key, string Text, bool Correct);
