using System.Net.Http.Json;
using System.Text.Json;
using Hongling.Web.Domain;

namespace Hongling.Tests.Features.Study;

/// <summary>Small builders for study tests: a town with a published material and a member who reads it.</summary>
internal static class StudyFixture
{
    public static async Task<(
        Organization Town,
        Organization Branch,
        Member Member,
        string Card,
        Material Material
    )> ReaderAsync(TestApp app, string town, int estimatedMinutes = 10, MaterialKind kind = MaterialKind.Article)
    {
        var (t, branch) = await app.AddTownAsync(town);
        var member = await app.AddMemberAsync(branch, "学员");
        var card = TestApp.NewCard();
        await app.AddAccountAsync(card, member);
        var material = await AddMaterialAsync(app, t, estimatedMinutes, kind);
        return (t, branch, member, card, material);
    }

    public static Task<Material> AddMaterialAsync(
        TestApp app,
        Organization publisher,
        int estimatedMinutes = 10,
        MaterialKind kind = MaterialKind.Article,
        string title = "学习党章",
        MaterialColumn column = MaterialColumn.KnowledgeBase
    ) =>
        app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow().UtcDateTime;
            var m = new Material
            {
                Title = title,
                Column = column,
                Kind = kind,
                Body = "<p>正文</p>",
                EstimatedMinutes = estimatedMinutes,
                PublishAt = now.AddMinutes(-1),
                CreatedAt = now,
                CreatedBy = "测试",
                OrganizationId = publisher.Id,
                Audiences = [new() { Path = publisher.Path }],
            };
            db.Materials.Add(m);
            await db.SaveChangesAsync();
            return m;
        });

    public static async Task<Guid> OpenAsync(HttpClient client, int materialId)
    {
        var response = await client.PostAsJsonAsync("/api/study/sessions", new { materialId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sessionId").GetGuid();
    }

    public static Task<HttpResponseMessage> BeatAsync(HttpClient client, Guid session, long seq, bool ended = false) =>
        client.PostAsJsonAsync(
            "/api/study/heartbeat",
            new
            {
                sessionId = session,
                seq,
                ended,
            }
        );
}
