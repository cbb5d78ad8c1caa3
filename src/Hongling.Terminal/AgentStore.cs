using System.Globalization;
using Hongling.Web.Features.Sites;
using Microsoft.Data.Sqlite;

namespace Hongling.Agent;

/// <summary>One record of the local queue: a viewing session as it was chained when recorded, and whether the server
/// has acknowledged it (a 2xx answer to a batch that held it).</summary>
public sealed record QueuedRecord(
    long Seq,
    string ClientId,
    string PrevHash,
    string Hash,
    DateTime StartedAt,
    DateTime EndedAt,
    string Courseware,
    int? AttendeeCount,
    List<string> AttendeeCards,
    DateTime? SentAt,
    string? ChainBreak
);

/// <summary>The agent's local SQLite file (queue.db in the data folder): settings, the running session, and the queue
/// of
/// chained records. Write-ahead logging with synchronous=FULL: a command that returned has its record on disk, and a
/// power cut leaves the file consistent (a record is committed whole or not at all). Each record is chained in the same
/// transaction that appends it (BEGIN IMMEDIATE), so two agents on one file cannot fork the chain.</summary>
public sealed class AgentStore : IDisposable
{
    private readonly SqliteConnection connection;

    public AgentStore(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        Path = System.IO.Path.Combine(dataDirectory, "queue.db");
        connection = new SqliteConnection(
            new SqliteConnectionStringBuilder
            {
                DataSource = Path,
                Pooling = false,
                DefaultTimeout = 30,
            }.ToString()
        );
        connection.Open();
        Execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = FULL;
            PRAGMA busy_timeout = 30000;
            CREATE TABLE IF NOT EXISTS settings (name TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS running (id INTEGER PRIMARY KEY CHECK (id = 1), started_at TEXT NOT NULL,
                courseware TEXT NOT NULL, attendee_count INTEGER NULL, attendee_cards TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY, client_id TEXT NOT NULL UNIQUE,
                prev_hash TEXT NOT NULL, hash TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT NOT NULL,
                courseware TEXT NOT NULL, attendee_count INTEGER NULL, attendee_cards TEXT NOT NULL, sent_at TEXT NULL,
                chain_break TEXT NULL);
            CREATE INDEX IF NOT EXISTS records_unsent ON records (seq) WHERE sent_at IS NULL;
            """
        );
    }

    /// <summary>The queue file, for status and for tests that tamper with it.</summary>
    public string Path { get; }

    public string? Setting(string name) => Scalar("SELECT value FROM settings WHERE name = $n", ("$n", name)) as string;

    public void SetSetting(string name, string value) =>
        Execute(
            "INSERT INTO settings (name, value) VALUES ($n, $v) ON CONFLICT (name) DO UPDATE SET value = "
                + "excluded.value",
            ("$n", name),
            ("$v", value)
        );

    /// <summary>Appends a session to the chain: seq = last + 1, prevHash = the last record's hash ("" for the first),
    /// hash over the canonical form (SessionHash). Committed before it returns.</summary>
    public QueuedRecord Append(
        DateTime startedAt,
        DateTime endedAt,
        string courseware,
        int? attendeeCount,
        IReadOnlyList<string> cards
    )
    {
        using var tx = connection.BeginTransaction(deferred: false);
        var record = AppendIn(tx, startedAt, endedAt, courseware, attendeeCount, cards);
        tx.Commit();
        return record;
    }

    private QueuedRecord AppendIn(
        SqliteTransaction tx,
        DateTime startedAt,
        DateTime endedAt,
        string courseware,
        int? attendeeCount,
        IReadOnlyList<string> cards
    )
    {
        startedAt = SessionHash.ToSecond(startedAt);
        endedAt = SessionHash.ToSecond(endedAt);
        long seq = 1;
        var prev = "";
        using (var last = Command("SELECT seq, hash FROM records ORDER BY seq DESC LIMIT 1", tx))
        using (var reader = last.ExecuteReader())
            if (reader.Read())
            {
                seq = reader.GetInt64(0) + 1;
                prev = reader.GetString(1);
            }
        var clientId = Guid.NewGuid().ToString("N");
        var hash = SessionHash.Of(clientId, seq, prev, startedAt, endedAt, courseware, attendeeCount, cards);
        using var insert = Command(
            """
            INSERT INTO records (seq, client_id, prev_hash, hash, started_at, ended_at, courseware, attendee_count,
                attendee_cards)
            VALUES ($seq, $id, $prev, $hash, $start, $end, $course, $count, $cards)
            """,
            tx,
            ("$seq", seq),
            ("$id", clientId),
            ("$prev", prev),
            ("$hash", hash),
            ("$start", SessionHash.Time(startedAt)),
            ("$end", SessionHash.Time(endedAt)),
            ("$course", courseware),
            ("$count", (object?)attendeeCount ?? DBNull.Value),
            ("$cards", string.Join(',', cards))
        );
        insert.ExecuteNonQuery();
        return new QueuedRecord(
            seq,
            clientId,
            prev,
            hash,
            startedAt,
            endedAt,
            courseware,
            attendeeCount,
            [.. cards],
            null,
            null
        );
    }

    public sealed record Running(DateTime StartedAt, string Courseware, int? AttendeeCount, List<string> AttendeeCards);

    public Running? CurrentSession(SqliteTransaction? tx = null)
    {
        using var command = Command(
            "SELECT started_at, courseware, attendee_count, attendee_cards FROM running WHERE id = 1",
            tx
        );
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new Running(
                Time(reader.GetString(0)),
                reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetInt32(2),
                Cards(reader.GetString(3))
            )
            : null;
    }

    /// <summary>Starts a session; false when one is already running.</summary>
    public bool Start(DateTime startedAt, string courseware, int? attendeeCount, IReadOnlyList<string> cards) =>
        Execute(
            "INSERT INTO running (id, started_at, courseware, attendee_count, attendee_cards) VALUES (1, $s, "
                + "$c, $n, $k) ON CONFLICT (id) DO NOTHING",
            ("$s", SessionHash.Time(startedAt)),
            ("$c", courseware),
            ("$n", (object?)attendeeCount ?? DBNull.Value),
            ("$k", string.Join(',', cards))
        ) == 1;

    /// <summary>Drops the running session without recording it.</summary>
    public void Discard() => Execute("DELETE FROM running WHERE id = 1");

    /// <summary>Ends the running session: it becomes a chained record and stops running, in one transaction.</summary>
    public QueuedRecord? Stop(DateTime endedAt)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        if (CurrentSession(tx) is not { } running)
            return null;
        var record = AppendIn(
            tx,
            running.StartedAt,
            endedAt,
            running.Courseware,
            running.AttendeeCount,
            running.AttendeeCards
        );
        using (var delete = Command("DELETE FROM running WHERE id = 1", tx))
            delete.ExecuteNonQuery();
        tx.Commit();
        return record;
    }

    /// <summary>The oldest records the server has not acknowledged, in chain order.</summary>
    public List<QueuedRecord> Unsent(int limit) =>
        Read("SELECT * FROM records WHERE sent_at IS NULL ORDER BY seq LIMIT $l", ("$l", limit));

    public List<QueuedRecord> All() => Read("SELECT * FROM records ORDER BY seq");

    /// <summary>Marks records acknowledged by a 2xx answer, with the chain break the server found, if any.</summary>
    public void MarkSent(IEnumerable<(string ClientId, string? ChainBreak)> acknowledged, DateTime at)
    {
        using var tx = connection.BeginTransaction(deferred: false);
        foreach (var (clientId, chainBreak) in acknowledged)
        {
            using var update = Command(
                "UPDATE records SET sent_at = $at, chain_break = $b WHERE client_id = $id",
                tx,
                ("$at", SessionHash.Time(at)),
                ("$b", (object?)chainBreak ?? DBNull.Value),
                ("$id", clientId)
            );
            update.ExecuteNonQuery();
        }
        tx.Commit();
    }

    public (long Queued, long Sent, long LastSeq, string? Head, long Breaks) Counts()
    {
        using var command = Command(
            """
            SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FILTER (WHERE sent_at IS NOT NULL),
                coalesce(max(seq), 0), (SELECT hash FROM records ORDER BY seq DESC LIMIT 1),
                count(*) FILTER (WHERE chain_break IS NOT NULL)
            FROM records
            """
        );
        using var r = command.ExecuteReader();
        r.Read();
        return (r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.IsDBNull(3) ? null : r.GetString(3), r.GetInt64(4));
    }

    private List<QueuedRecord> Read(string sql, params (string, object)[] parameters)
    {
        using var command = Command(sql, null, parameters);
        using var r = command.ExecuteReader();
        var list = new List<QueuedRecord>();
        while (r.Read())
            list.Add(
                new QueuedRecord(
                    r.GetInt64(r.GetOrdinal("seq")),
                    r.GetString(r.GetOrdinal("client_id")),
                    r.GetString(r.GetOrdinal("prev_hash")),
                    r.GetString(r.GetOrdinal("hash")),
                    Time(r.GetString(r.GetOrdinal("started_at"))),
                    Time(r.GetString(r.GetOrdinal("ended_at"))),
                    r.GetString(r.GetOrdinal("courseware")),
                    r.IsDBNull(r.GetOrdinal("attendee_count")) ? null : r.GetInt32(r.GetOrdinal("attendee_count")),
                    Cards(r.GetString(r.GetOrdinal("attendee_cards"))),
                    r.IsDBNull(r.GetOrdinal("sent_at")) ? null : Time(r.GetString(r.GetOrdinal("sent_at"))),
                    r.IsDBNull(r.GetOrdinal("chain_break")) ? null : r.GetString(r.GetOrdinal("chain_break"))
                )
            );
        return list;
    }

    private static List<string> Cards(string text) => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries)];

    private static DateTime Time(string text) =>
        DateTime.ParseExact(
            text,
            "yyyy-MM-dd'T'HH:mm:ss'Z'",
            CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal
        );

    private SqliteCommand Command(
        string sql,
        SqliteTransaction? tx = null,
        params (string Name, object Value)[] parameters
    )
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = tx;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        return command;
    }

    private int Execute(string sql, params (string, object)[] parameters)
    {
        using var command = Command(sql, null, parameters);
        return command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, params (string, object)[] parameters)
    {
        using var command = Command(sql, null, parameters);
        return command.ExecuteScalar();
    }

    public void Dispose() => connection.Dispose();
}
