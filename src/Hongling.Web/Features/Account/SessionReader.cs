using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using Hongling.Web.Data;
using Hongling.Web.Domain;
using Hongling.Web.Infrastructure.OrgScoping;

namespace Hongling.Web.Features.Account;

/// <summary>The read every signed-in request makes: one session row by primary key (expiry, last-seen time,
/// sign-in time and the ticket) and, in the same statement, what the org scope needs to know of the caller as
/// they are now: their account's member record and names, their member record's branch path and the scope
/// version (<see cref="SignedInCaller"/>, used by OrgScopeMiddleware). Runs on a few connections of its own that
/// stay open with the statement prepared (preparing it again for every request cost more than running it); a
/// connection whose command failed is dropped, not reused.</summary>
public sealed class SessionReader(DbConnections connections) : IDisposable
{
    public readonly record struct Row(
        DateTime ExpiresAt,
        DateTime LastSeenAt,
        byte[] Ticket,
        DateTime CreatedAt,
        SignedInCaller Caller
    );

    // Every join is by primary key; the session's account always exists (deleting it deletes its sessions).
    private static readonly string Sql = $"""
        SELECT s."ExpiresAt", s."LastSeenAt", s."Ticket", s."CreatedAt",
               s."AccountId", a."MemberId", a."DisplayName", a."UserName", m."OrgPath", v."Value"
        FROM "AccountSessions" s
        JOIN "AspNetUsers" a ON a."Id" = s."AccountId"
        LEFT JOIN "Members" m ON m."Id" = a."MemberId"
        LEFT JOIN "ScopeVersions" v ON v."Id" = {ScopeVersion.TheRow}
        WHERE s."Id" = @id
        """;

    private sealed class Slot(DbConnection connection, DbCommand command, DbParameter id) : IDisposable
    {
        public DbCommand Command => command;
        public DbParameter Id => id;

        public void Dispose()
        {
            command.Dispose();
            connection.Dispose();
        }
    }

    private readonly ConcurrentBag<Slot> _idle = [];
    private readonly int _maxIdle = Environment.ProcessorCount * 4;

    public async Task<Row?> ReadAsync(string key, CancellationToken ct)
    {
        var slot = _idle.TryTake(out var idle) ? idle : await OpenAsync(ct);
        try
        {
            slot.Id.Value = key;
            Row? row = null;
            using (
                var reader = connections.InProcess
                    ? slot.Command.ExecuteReader(CommandBehavior.SingleRow)
                    : await slot.Command.ExecuteReaderAsync(CommandBehavior.SingleRow, ct)
            )
            {
                if (connections.InProcess ? reader.Read() : await reader.ReadAsync(ct))
                    row = new Row(
                        Utc(reader.GetDateTime(0)),
                        Utc(reader.GetDateTime(1)),
                        reader.GetFieldValue<byte[]>(2),
                        Utc(reader.GetDateTime(3)),
                        new SignedInCaller(
                            reader.GetString(4),
                            reader.IsDBNull(5) ? null : reader.GetInt32(5),
                            reader.IsDBNull(8) ? null : reader.GetString(8),
                            reader.GetString(6),
                            reader.IsDBNull(7) ? null : reader.GetString(7),
                            reader.IsDBNull(9) ? null : reader.GetInt64(9)
                        )
                    );
            }
            if (_idle.Count < _maxIdle)
                _idle.Add(slot);
            else
                slot.Dispose();
            return row;
        }
        catch
        {
            slot.Dispose();
            throw;
        }
    }

    private async Task<Slot> OpenAsync(CancellationToken ct)
    {
        var connection = connections.Create();
        try
        {
            await connection.OpenAsync(ct);
            var command = connection.CreateCommand();
            command.CommandText = Sql;
            var id = Parameter(command, "@id", DbType.String);
            id.Size = 64;
            await command.PrepareAsync(ct);
            return new Slot(connection, command, id);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static DbParameter Parameter(DbCommand command, string name, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        command.Parameters.Add(parameter);
        return parameter;
    }

    // SQLite keeps EF's UTC times as text without a kind; PostgreSQL's timestamptz comes back as UTC already.
    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    public void Dispose()
    {
        while (_idle.TryTake(out var slot))
            slot.Dispose();
    }
}
