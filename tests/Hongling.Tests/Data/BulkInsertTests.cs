using Hongling.Tests.Features.Exams;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.Pii;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hongling.Tests.Data;

/// <summary>InsertManyAsync writes rows itself (on SQLite, bound by position on the native handle), so what it
/// stores must be what SaveChanges stores: every column read back raw (SQLite's storage class and text, or
/// PostgreSQL's typed value) equal for two rows alike, one saved each way.</summary>
public sealed class BulkInsertTests(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task InsertMany_StoresAttemptsItemsAndMembers_ExactlyAsSaveChangesDoes_AndSetsGeneratedKeys()
    {
        var (_, branch) = await app.AddTownAsync("批量写入");
        var bank = await app.AddBankAsync(branch, singles: 2);
        var exam = await app.AddExamAsync(branch, bank);
        var questions = await app.WithDbAsync(db =>
            db.Questions.Where(q => q.OrganizationId == branch.Id).OrderBy(q => q.Id).Take(2).ToListAsync(Ct)
        );
        var at = new DateTime(2026, 5, 4, 3, 2, 1, DateTimeKind.Utc).AddTicks(1234567);
        Attempt NewAttempt(int number)
        {
            var id = Guid.NewGuid();
            return new Attempt
            {
                Id = id,
                ExamId = exam.Id,
                AccountId = "bulk-account",
                OrganizationId = branch.Id,
                Number = number,
                StartedAt = at,
                Deadline = at.AddMinutes(90),
                State = AttemptState.AwaitingReview,
                SubmittedAt = at.AddMinutes(3),
                AutoSubmitted = true,
                Score = 1.5m,
                MaxScore = 12,
                Passed = null,
                Items =
                [
                    new AttemptItem
                    {
                        AttemptId = id,
                        Position = 1,
                        QuestionId = questions[0].Id,
                        QuestionVersion = questions[0].Version,
                        Type = questions[0].Type,
                        Keys = [new("k-甲", 1), new("k-乙", 0)],
                        Points = 2,
                        Answer = ["k-乙"],
                        AnswerSeq = 7,
                        Score = 1.5m,
                        GradedBy = "阅卷人",
                    },
                    new AttemptItem
                    {
                        AttemptId = id,
                        Position = 2,
                        QuestionId = questions[1].Id,
                        QuestionVersion = questions[1].Version,
                        Type = questions[1].Type,
                        Points = 10,
                    },
                ],
            };
        }
        Member NewMember(IServiceProvider sp, string name)
        {
            var m = new Member
            {
                Name = name,
                Gender = Gender.Female,
                BirthDate = new DateOnly(1990, 1, 1),
                Mobile = "13900139000",
                Education = Education.Postgraduate,
                JoinedOn = new DateOnly(2012, 7, 1),
                Status = MemberStatus.Probationary,
                OrganizationId = branch.Id,
            };
            sp.GetRequiredService<PiiProtector>().SetIdNumber(m, TestApp.NextIdNumber());
            return m;
        }

        var (saved, bulk) = await app.WithDbAsync(
            async (db, sp) =>
            {
                var (a, m) = (NewAttempt(1), NewMember(sp, "逐条"));
                db.Attempts.Add(a);
                db.Members.Add(m);
                await db.SaveChangesAsync(Ct);
                db.ChangeTracker.Clear();
                var (b, n) = (NewAttempt(2), NewMember(sp, "批量"));
                await db.InsertManyAsync([b], b.Items, Ct);
                await db.InsertManyAsync([n], Ct);
                return ((a.Id, m.Id), (b.Id, n.Id));
            }
        );

        await app.WithDbAsync(async db =>
        {
            Assert.Equal(
                await RowAsync(db, "Attempts", "Id", saved.Item1, null, "Id", "Number"),
                await RowAsync(db, "Attempts", "Id", bulk.Item1, null, "Id", "Number")
            );
            for (var position = 1; position <= 2; position++)
                Assert.Equal(
                    await RowAsync(db, "AttemptItems", "AttemptId", saved.Item1, position, "AttemptId"),
                    await RowAsync(db, "AttemptItems", "AttemptId", bulk.Item1, position, "AttemptId")
                );
            // The member's generated key came back from the bulk insert (its row was found by it).
            string[] own = ["Id", "Name", "IdNumberHash", "IdNumberCipher", "IdNumberMasked", "IdNumberTail"];
            Assert.Equal(
                await RowAsync(db, "Members", "Id", saved.Item2, null, own),
                await RowAsync(db, "Members", "Id", bulk.Item2, null, own)
            );
            return 0;
        });
    }

    /// <summary>One row as stored (where column = value, and at that position for an item), column name → raw
    /// value, without the columns that differ by design.</summary>
    private static async Task<Dictionary<string, object>> RowAsync(
        HonglingDb db,
        string table,
        string column,
        object value,
        int? position,
        params string[] except
    )
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText =
            $"SELECT * FROM \"{table}\" WHERE \"{column}\" = @v" + (position is null ? "" : " AND \"Position\" = @p");
        var v = command.CreateParameter();
        v.ParameterName = "@v";
        v.Value = value;
        command.Parameters.Add(v);
        if (position is { } p)
        {
            var pp = command.CreateParameter();
            pp.ParameterName = "@p";
            pp.Value = p;
            command.Parameters.Add(pp);
        }
        await using var reader = await command.ExecuteReaderAsync(Ct);
        Assert.True(await reader.ReadAsync(Ct), $"{table}: no row where {column} = {value}");
        var row = new Dictionary<string, object>();
        for (var i = 0; i < reader.FieldCount; i++)
            if (!except.Contains(reader.GetName(i)))
                row[reader.GetName(i)] = reader.GetValue(i);
        Assert.False(await reader.ReadAsync(Ct));
        return row;
    }
}
