namespace Hongling.ClusterTests;

/// <summary>Background work with both instances' jobs running on the one database (the cluster's settings run
/// auto-submit every second, the reminders and the bulletin schedule every <see cref="Cluster.JobPeriod"/>): each
/// piece of work is done once, whichever instance gets to it.</summary>
[Collection(Instances.Name)]
public sealed class JobTests(Cluster cluster)
{
    [Fact]
    public async Task AttemptsLeftOpen_AreAutoSubmittedOnce_AndTheResultsNotifiedOnce()
    {
        var title = "集群自动交卷" + Guid.NewGuid().ToString("N")[..6];
        var exam = await CopyExamAsync(cluster.ExamId, title);
        var attempts = (
            await Task.WhenAll(
                Enumerable
                    .Range(50, 8)
                    .Select(async n =>
                    {
                        using var candidate = new Visitor(cluster);
                        await candidate.SignInAsync($"80000000{n}");
                        return await candidate.StartAsync(exam);
                    })
            )
        ).ToList();

        // The candidates walk away; their time runs out and the exam closes.
        await cluster.QueryAsync(
            $"""
            update "Attempts" set "Deadline" = now() - interval '1 second' where "ExamId" = {exam};
            update "Exams" set "ClosesAt" = now() - interval '1 second' where "Id" = {exam};
            """
        );
        var load = new Load(cluster);
        await PollAsync(
            async () =>
                await cluster.FigureAsync(
                    $"""select count(*) from "Attempts" where "ExamId" = {exam} and "GradedCount" = 0"""
                ) == 0,
            "the attempts to be graded"
        );
        var key = $"exam-results:{exam}";
        await PollAsync(
            async () =>
                await cluster.FigureAsync($"""select count(*) from "Notifications" where "OnceKey" = '{key}'""") > 0,
            "the results to be notified"
        );
        // Both instances have run their jobs again since: nothing more is graded or sent.
        await Task.Delay(Cluster.JobPeriod + TimeSpan.FromSeconds(1));

        Assert.Equal(0, await load.NotGradedOnceAsync(attempts));
        Assert.Equal(
            1,
            await cluster.FigureAsync($"""select count(*) from "Notifications" where "Title" like '%{title}%'""")
        );
        var items = await cluster.QueryAsync(
            $"""
            select "MemberId", "Channel", count(*), count("SentAt") from "OutboxItems"
            where "NotificationId" in (select "Id" from "Notifications" where "OnceKey" = '{key}')
            group by "MemberId", "Channel"
            """
        );
        Assert.Equal(attempts.Count, items.Count); // one inbox message to each candidate
        Assert.All(items, i => Assert.Equal((1L, 1L), (Convert.ToInt64(i[2]), Convert.ToInt64(i[3]))));
    }

    [Fact]
    public async Task BulletinIssuersAdded_GetLastMonthsBulletinOnceEach()
    {
        var china = DateTime.UtcNow.AddHours(8);
        if (china.Day == 1 && china.Hour < 8)
            Assert.Skip("the schedule makes last month's bulletin from 08:00 China time on the 1st");
        var last = china.AddMonths(-1);
        var month = last.Year * 100 + last.Month;

        // Four towns turn automatic bulletins on at once; both instances' schedules find them on their next checks.
        // A pass generates them one after another, so the other instance's pass may meet it on the same town (then
        // the unique key keeps one); later checks find them made.
        var towns = await cluster.QueryAsync(
            """
            insert into "BulletinSettings"
                ("OrganizationId", "OrgPath", "RatesFromMonth", "SubmissionMonths", "Automatic", "CompositeWeights")
            select "Id", "Path", 1, 1, true, '' from "Organizations" where "Code" in ('T002', 'T003', 'T004', 'T005')
            returning "OrganizationId"
            """
        );
        Assert.Equal(4, towns.Count);
        var ids = string.Join(", ", towns.Select(t => t[0]));
        var of = $"""from "Bulletins" where "OrganizationId" in ({ids}) and "Month" = {month}""";
        await PollAsync(
            async () => await cluster.FigureAsync($"""select count(distinct "OrganizationId") {of}""") == 4,
            "the towns' bulletins"
        );
        // Both instances have checked again since (and finished any generation begun with their first check).
        await Task.Delay(Cluster.JobPeriod + TimeSpan.FromSeconds(1));

        Assert.Equal(4, await cluster.FigureAsync($"select count(*) {of}"));
    }

    /// <summary>A copy of the exam under another title (its rules and window), for a case that closes it.</summary>
    private async Task<int> CopyExamAsync(int exam, string title)
    {
        var columns = await cluster.QueryAsync(
            """
            select column_name from information_schema.columns
            where table_name = 'Exams' and column_name not in ('Id', 'Title')
            """
        );
        var list = string.Join(", ", columns.Select(c => $"\"{c[0]}\""));
        return Convert.ToInt32(
            await cluster.FigureAsync(
                $"""
                insert into "Exams" ("Title", {list}) select '{title}', {list} from "Exams" where "Id" = {exam}
                returning "Id"
                """
            )
        );
    }

    /// <summary>Polls until the condition holds, failing after 20 s (a pass every second or few: ample on a slow
    /// machine).</summary>
    private static async Task PollAsync(Func<Task<bool>> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, $"waited 20 s for {what}");
            await Task.Delay(250);
        }
    }
}
