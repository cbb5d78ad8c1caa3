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
            if (seq > 1)
                await Task.Delay(TimeSpan.FromSeconds(12.5), TestContext.Current.CancellationToken);
            var n = seq;
            await Task.WhenAll(
                tabs.Select((tab, t) => BeatAsync(member, (n + t) % 2 == 0 ? cluster.A : cluster.B, tab, n))
            );
        }

        // The three places that count a member's minutes: the material's credit, the minute keys, the day.
        var mine = $"""
            "MemberId" = (select "MemberId" from "StudySessions" where "Id" = '{tabs[0]}')
            """;
        Task<long> Of(string query) => cluster.FigureAsync("select " + query);
        Assert.Equal(1L, await Of($"""sum("CreditedMinutes") from "MaterialProgress" where {mine}"""));
        Assert.Equal(1L, await Of($"""count(*) from "ActiveMinutes" where "MaterialId" is not null and {mine}"""));
        Assert.Equal(1L, await Of($"""sum("StudyMinutes") from "StudyDays" where {mine}"""));
    }

    private static async Task BeatAsync(Visitor member, Instance instance, Guid tab, int seq)
    {
        var beat = new { sessionId = tab, seq };
        var answer = await Tolerant.SendAsync(() => member.PostJsonAsync($"{instance.Url}/api/study/heartbeat", beat));
        if (answer is { StatusCode: HttpStatusCode.OK })
            return;
        // The instance is down (another case stops it): the same beat through nginx, to the one that is up.
        answer = await member.PostJsonAsync("/api/study/heartbeat", beat);
        // 409: the first try was written before its instance died (a replay of the same beat is refused).
        Assert.True(
            answer.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict,
            $"beat {seq}: {answer.StatusCode}"
        );
    }
}
