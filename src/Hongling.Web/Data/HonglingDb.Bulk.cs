using Hongling.Web.Domain;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hongling.Web.Data;

/// <summary>Inserting thousands of new rows at once (the Excel import, the papers of a synchronized exam
/// start): the same scope stamp, scope check and audit as SaveChanges, in one transaction, but each table's
/// rows go through one prepared INSERT executed per row instead of EF's per-row command batches and change
/// snapshots, which cost several times more.</summary>
public abstract partial class HonglingDb
{
    public Task<int> InsertManyAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct = default)
        where T : class => InsertManyAsync(rows, Array.Empty<object>(), ct);

    /// <summary>The rows, then their <paramref name="children"/> (rows of a dependent table reachable from them,
    /// such as an attempt's items), in the same transaction.</summary>
    public async Task<int> InsertManyAsync<T, TChild>(
        IReadOnlyCollection<T> rows,
        IReadOnlyCollection<TChild> children,
        CancellationToken ct = default
    )
        where T : class
        where TChild : class
    {
        if (ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged))
            throw new InvalidOperationException("InsertManyAsync needs a context without other pending changes.");
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // Each row on its own (not its graph): the stamp and the audit look at rows the scope or the log
            // knows, and tracking plain children (an attempt's fifty items) would only cost.
            foreach (var row in rows)
                Entry(row).State = EntityState.Added;
            foreach (var child in children)
                if (child is IScopedByPath or IAudited)
                    Entry(child).State = EntityState.Added;
            await StampAndEnforceScopeAsync(ct);
            var audits = CaptureAudits();
            var changesScopes = ChangesAdministeredSubtrees();
            await InTransactionAsync(
                async () =>
                {
                    await InsertRowsAsync(rows, ct);
                    await InsertRowsAsync(children, ct);
                    await InsertRowsAsync(audits.Select(a => a.ToEntry()).ToList(), ct);
                    if (changesScopes)
                        await RaiseScopeVersionAsync(ct);
                    return 0;
                },
                ct
            );
            return rows.Count;
        }
        finally
        {
            // The rows are in the database now (or nothing is): this context forgets them either way.
            ChangeTracker.Clear();
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    /// <summary>Inserts many new rows of one path-scoped table that all belong to <paramref name="orgPath"/> (a
    /// notification's outbox rows): the scope is checked once for that path, each row is stamped with it, and the
    /// rows go in by the provider's fast path (PostgreSQL binary COPY, SQLite one prepared INSERT) in the caller's
    /// transaction or one of their own, all or nothing. Generated keys are not read back. Only for rows that need no
    /// per-row rule: neither organization-owned (stamped from their organization) nor audited.</summary>
    public async Task<int> InsertUnderPathAsync<T>(
        string orgPath,
        IReadOnlyCollection<T> rows,
        CancellationToken ct = default
    )
        where T : class, IScopedByPath
    {
        if (typeof(IOrgOwned).IsAssignableFrom(typeof(T)) || typeof(IAudited).IsAssignableFrom(typeof(T)))
            throw new NotSupportedException($"{typeof(T).Name}: its rows are checked one by one (InsertManyAsync).");
        EnsureWritablePath(orgPath, typeof(T));
        foreach (var row in rows)
            row.OrgPath = orgPath;
        await InTransactionAsync(
            async () =>
            {
                await InsertRowsAsync(rows, ct, readKeys: false);
                return 0;
            },
            ct
        );
        return rows.Count;
    }

    /// <summary>Rows per round trip outside SQLite.</summary>
    private const int BatchRows = 500;

    /// <summary>Writes the rows with EF's own column names and type mappings (value converters included), so
    /// they are stored exactly as SaveChanges stores them, and sets each generated key on its row (unless
    /// <paramref name="readKeys"/> is false: then PostgreSQL takes them by binary COPY).</summary>
    private async Task InsertRowsAsync<T>(IReadOnlyCollection<T> rows, CancellationToken ct, bool readKeys = true)
        where T : class
    {
        if (rows.Count == 0)
            return;
        var type = Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
        // A single generated key comes back from the INSERT; keys set by the caller (Guids, composite keys) go in with
        // the row.
        var keys = type.FindPrimaryKey()!.Properties;
        var generated = keys is [{ ValueGenerated: ValueGenerated.OnAdd } only] ? only : null;
        var key = readKeys ? generated : null;
        var columns = type.GetProperties().Where(p => p != generated).ToList();
        if (columns.Any(p => p.ValueGenerated != ValueGenerated.Never && !keys.Contains(p) || p.IsShadowProperty()))
            throw new NotSupportedException($"{type.ClrType.Name}: only plain columns can be inserted in bulk.");

        var sql = this.GetService<ISqlGenerationHelper>();
        var text =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} "
            + $"({string.Join(", ", columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) "
            + $"VALUES ({string.Join(", ", columns.Select((_, i) => "@p" + i))})"
            + (key is null ? "" : $" RETURNING {sql.DelimitIdentifier(key.GetColumnName(table)!)}");
        var mappings = columns.Select(p => p.GetRelationalTypeMapping()).ToList();
        var getters = columns.Select(p => p.GetGetter()).ToList();
        object? Value(T row, int i)
        {
            var value = getters[i].GetClrValue(row);
            return value is not null && mappings[i].Converter is { } converter
                ? converter.ConvertToProvider(value)
                : value;
        }
        void SetKey(T row, object id) =>
            key!.PropertyInfo!.SetValue(
                row,
                Convert.ChangeType(id, key.ClrType, System.Globalization.CultureInfo.InvariantCulture)
            );

        // SQLite has no asynchronous I/O to wait for: its rows are bound by position on the native handle.
        if (Database.GetDbConnection() is SqliteConnection sqlite)
        {
            SqliteBulk.Insert(
                sqlite,
                text,
                rows,
                columns.Count,
                Value,
                key is null ? null : (row, id) => SetKey(row, id)
            );
            return;
        }
        var connection = Database.GetDbConnection();
        if (!readKeys && connection is NpgsqlConnection npgsql)
        {
            await CopyRowsAsync(
                npgsql,
                sql.DelimitIdentifier(table.Name, table.Schema),
                columns.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)).ToList(),
                mappings.Select(m => BaseTypeName(m.StoreType)).ToList(),
                rows,
                Value,
                ct
            );
            return;
        }
        // Elsewhere (PostgreSQL) the rows go in batches of commands, one round trip each; every command answers its
        // own row's key, in the batch's order.
        // makes the parameters (the mappings ask a command for them)
        await using var parameters = connection.CreateCommand();
        foreach (var chunk in rows.Chunk(BatchRows))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = Database.CurrentTransaction!.GetDbTransaction();
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = text;
                for (var i = 0; i < columns.Count; i++)
                {
                    command.Parameters.Add(
                        mappings[i]
                            .CreateParameter(parameters, "@p" + i, getters[i].GetClrValue(row), columns[i].IsNullable)
                    ); // converts the value itself
                }
                batch.BatchCommands.Add(command);
            }
            if (key is null)
            {
                await batch.ExecuteNonQueryAsync(ct);
                continue;
            }
            await using var reader = await batch.ExecuteReaderAsync(ct);
            foreach (var row in chunk)
            {
                if (!await reader.ReadAsync(ct))
                    throw new InvalidOperationException("A batched INSERT answered no key.");
                SetKey(row, reader.GetValue(0));
                await reader.NextResultAsync(ct);
            }
        }
    }

    /// <summary>PostgreSQL's fastest way in: one binary COPY, each value written as its column's type.</summary>
    private static async Task CopyRowsAsync<T>(
        NpgsqlConnection connection,
        string table,
        List<string> columns,
        List<string> types,
        IReadOnlyCollection<T> rows,
        Func<T, int, object?> value,
        CancellationToken ct
    )
    {
        var copy = $"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)";
        await using var writer = await connection.BeginBinaryImportAsync(copy, ct);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(ct);
            for (var i = 0; i < columns.Count; i++)
            {
                if (value(row, i) is { } v)
                    await writer.WriteAsync(v, types[i], ct);
                else
                    await writer.WriteNullAsync(ct);
            }
        }
        await writer.CompleteAsync(ct);
    }

    /// <summary>"character varying(200)" is written as "character varying": the length is the column's check.</summary>
    private static string BaseTypeName(string storeType) =>
        storeType.IndexOf('(') is var at and > 0 ? storeType[..at].TrimEnd() : storeType;
}
