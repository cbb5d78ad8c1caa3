using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Hongling.Web.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hongling.Web.Data.Configurations;

/// <summary>A small value list stored as one JSON text column (the same on SQLite and PostgreSQL),
/// compared by content so that changes inside the list are saved. The serializer code is generated at
/// build time (<see cref="JsonColumnTypes"/>): a synchronized exam start writes half a million option-key
/// lists, which the reflection-based serializer made a sixth of the writer's work.</summary>
public static class JsonColumn
{
    public static PropertyBuilder<T> AsJson<T>(this PropertyBuilder<T> p)
        where T : class?
    {
        var info =
            JsonColumnTypes.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T)} is stored as JSON: add it to JsonColumnTypes.");
        return p.HasConversion(
            v => JsonSerializer.Serialize(v, info),
            s => JsonSerializer.Deserialize(s, info)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a!, info) == JsonSerializer.Serialize(b!, info),
                v => JsonSerializer.Serialize(v, info).GetHashCode(),
                v => JsonSerializer.Deserialize(JsonSerializer.Serialize(v, info), info)!
            )
        );
    }
}

/// <summary>Every type stored in a JSON column, with the web defaults (camelCase names).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(List<string>))]
[JsonSerializable(typeof(List<List<string>>))]
[JsonSerializable(typeof(List<QuestionOption>))]
[JsonSerializable(typeof(List<OptionKey>))]
[JsonSerializable(typeof(List<MemberStatus>))]
[JsonSerializable(typeof(List<ExamRule>))]
[JsonSerializable(typeof(List<FixedQuestion>))]
[JsonSerializable(typeof(BulletinText))]
public sealed partial class JsonColumnTypes : JsonSerializerContext;
