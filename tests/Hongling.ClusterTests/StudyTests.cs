using System.Net;

namespace Hongling.ClusterTests;

/// <summary>Runs beside the other cases (it needs a minute of real time): a beat that meets an instance being
/// stopped or killed by them is sent again through nginx.</summary>
public sealed class StudyTests(Cluster cluster)
{
    [Fact]
    public async Task StudyBeats_OfTwoTabsAlternatingInstances_CreditEachMinuteOnce()
    {
        using var member = new Visitor(cluster);
        await member.SignInAsync("8000000002");
        Guid[] tabs = [await member.OpenStudyAsync(), await member.OpenStudyAsync()];

        // Six beats per tab 12.5 s apart (62.5 s of study shown by each tab, the same minute and seconds by both), each
        // beat of a tab on the other instance than its previous one, the two tabs on different instances at once.
        for (var seq = 1; seq <= 6; seq++)
        {
            if (seq > 1) await Task.Delay(TimeSpan.FromSeconds(12.5), TestContext.Current.CancellationToken);
            var n = seq;
            await Task.WhenAll(tabs.Select((tab, t) => BeatAsync(member, (n + t) % 2 == 0 ? cluster.A : cluster.B, tab, n)));
        }

        var whose = "(select \"MemberId\" from \"StudySessions\" where \"Id\" = '" + tabs[0] + "')";
        var credited = await cluster.QueryAsync($"""select sum("CreditedMinutes") from "MaterialProgress" where "MemberId" = {whose}""");
        var minutes = await cluster.QueryAsync(
            $"""select count(*) from "ActiveMinutes" where "MaterialId" is not null and "MemberId" = {whose}""");
        var days = await cluster.QueryAsync($"""select sum("StudyMinutes") from "StudyDays" where "MemberId" = {whose}""");
        Assert.Equal(1L, Convert.ToInt64(credited[0][0]));
        Assert.Equal(1L, Convert.ToInt64(minutes[0][0]));
        Assert.Equal(1L, Convert.ToInt64(days[0][0]));
    }

    private static async Task BeatAsync(Visitor member, Instance instance, Guid tab, int seq)
    {
        var beat = new { sessionId = tab, seq };
        var answer = await Tolerant.SendAsync(() => member.PostJsonAsync($"{instance.Url}/api/study/heartbeat", beat));
        if (answer is { StatusCode: HttpStatusCode.OK }) return;
        // The instance is down (another case stops it): the same beat through nginx, to the one that is up.
        answer = await member.PostJsonAsync("/api/study/heartbeat", beat);
        Assert.True(answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"beat {seq}: {answer.StatusCode}");
    }
}
