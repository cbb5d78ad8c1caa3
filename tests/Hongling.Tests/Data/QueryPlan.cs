using System.Text.RegularExpressions;
using Hongling.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Hongling.Tests.Data;

/// <summary>SQLite's plan for a query as EF sends it (EXPLAIN QUERY PLAN with its parameters bound): what a test
/// checks when a page must not read a row per member of a district.</summary>
public static partial class QueryPlan
{
    /// <summary>The plan's lines that read the Members table (by the aliases EF gave it in the SQL).</summary>
    public static async Task<IReadOnlyList<string>> MembersLinesAsync<T>(HonglingDb db, IQueryable<T> query)
    {
        await using var command = query.CreateDbCommand();
        var aliases = MembersAlias().Matches(command.CommandText).Select(m => m.Groups[1].Value).ToHashSet();
        command.CommandText = "EXPLAIN QUERY PLAN " + command.CommandText;
        await db.Database.OpenConnectionAsync();
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(3));
        Assert.NotEmpty(aliases);
        return [.. lines.Where(l => l.Split(' ') is [("SCAN" or "SEARCH"), var table, ..] && aliases.Contains(table))];
    }

    /// <summary>A line that reads an index alone or finds rows by primary key, not a row per index entry.</summary>
    public static bool IndexOnly(string line) =>
        line.Contains("COVERING INDEX") || line.Contains("INTEGER PRIMARY KEY");

    [GeneratedRegex("\"Members\" AS \"(\\w+)\"")]
    private static partial Regex MembersAlias();
}
