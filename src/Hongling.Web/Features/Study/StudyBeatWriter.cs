using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.GroupCommit;
using Hongling.Web.Infrastructure.OrgScoping;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Web.Features.Study;

/// <summary>One heartbeat as the API accepted it, from the signed-in account (the batch resolves its member).
/// A presence beat (any signed-in page) has no session. Pause says why the page was silent before this beat.</summary>
public sealed record Beat(
    string AccountId,
    Guid? SessionId,
    long Seq,
    DateTime At,
    bool MediaEnded = false,
    BeatPause Pause = BeatPause.None
);

/// <summary>Why a reading page skipped beats (it says so with its next beat): hidden, or visible but unused.</summary>
public enum BeatPause
{
    None,
    Hidden,
    Idle,
}

public enum BeatStatus
{
    Accepted,
    Credited,
    Replayed,
    Closed,
    Unknown,
    SeqJump,
    NotMember,
}

public sealed record BeatOutcome(BeatStatus Status, int CreditedMinutes = 0, bool Completed = false);

/// <summary>Applies heartbeats by group commit (Infrastructure/GroupCommit): each batch is one
/// transaction, and each request is answered after it committed, so an acknowledged beat is durable.
/// The rule itself is in <see cref="StudyRules"/>.</summary>
public sealed class StudyBeatWriter(IServiceScopeFactory scopes, ILogger<StudyBeatWriter> logger)
    : GroupCommitWriter<Beat, BeatOutcome>(scopes, logger)
{
    protected override async Task<IReadOnlyList<BeatOutcome>> CommitAsync(
        IServiceProvider services,
        IReadOnlyList<Beat> beats,
        CancellationToken ct
    )
    {
        // the writer serves every member; each beat's owner is checked below
        services.GetRequiredService<OrgScope>().ServeEveryCaller();
        var db = services.GetRequiredService<HonglingDb>();
        var batch = await StudyBatch.LoadAsync(db, beats, ct);
        var outcomes = beats.Select(batch.Apply).ToList();
        // One SaveChanges is one transaction. A minute another instance inserted meanwhile breaks its key:
        // the batch fails and is retried beat by beat, and the retry sees that minute as taken.
        await db.SaveChangesAsync(ct);
        return outcomes;
    }
}
