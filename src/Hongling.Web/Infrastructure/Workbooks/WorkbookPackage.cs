using System.IO.Compression;
using System.Xml;

namespace Hongling.Web.Infrastructure.Workbooks;

/// <summary>An .xlsx file as the zip archive it is: parts found through their relationships, each opened as an
/// XmlReader over a <see cref="PartStream"/>, so every byte inflated from the archive is counted against
/// <see cref="SheetReader.MaxInflatedBytes"/> as it is read, and nothing is inflated that is not read.</summary>
internal sealed class WorkbookPackage : IDisposable
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit, // no entities, so no expansion either
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = true,
    };

    private const string PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    private readonly ZipArchive _zip;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.OrdinalIgnoreCase);
    private long _inflated;

    public WorkbookPackage(byte[] bytes)
    {
        _zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
        // Part names are case-insensitive (OPC); the first entry of a name wins.
        foreach (var entry in _zip.Entries)
            _entries.TryAdd(entry.FullName, entry);
    }

    public bool Has(string path) => _entries.ContainsKey(path);

    public XmlReader Open(string path) =>
        _entries.TryGetValue(path, out var entry)
            ? XmlReader.Create(new PartStream(entry.Open(), this), Settings)
            : throw new InvalidDataException($"No part {path}.");

    /// <summary>Counts inflated bytes, stopping the read past the workbook's limit.</summary>
    public void Charge(int bytes)
    {
        _inflated += bytes;
        if (_inflated > SheetReader.MaxInflatedBytes)
            throw new WorkbookLimitException(
                $"文件解压后超过{SheetReader.MaxInflatedBytes / (1024 * 1024)}MB,请分批导入"
            );
    }

    /// <summary>The internal relationships of a part ("" for the package), by id: the type's last segment
    /// (officeDocument, worksheet, sharedStrings, styles; the same for transitional and strict files) and the
    /// target's part name.</summary>
    public Dictionary<string, (string Type, string Target)> Relationships(string part)
    {
        var slash = part.LastIndexOf('/');
        var folder = part[..(slash + 1)];
        var rels = $"{folder}_rels/{part[(slash + 1)..]}.rels";
        var result = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        if (!Has(rels))
            return result;
        using var xml = Open(rels);
        var chunk = new char[1024];
        while (ReadMarkup(xml, chunk))
        {
            if (
                xml.NodeType != XmlNodeType.Element
                || xml.LocalName != "Relationship"
                || xml.NamespaceURI != PackageRelationships
            )
                continue;
            if (xml.GetAttribute("TargetMode") == "External")
                continue;
            if (
                xml.GetAttribute("Id") is not { } id
                || xml.GetAttribute("Type") is not { } type
                || xml.GetAttribute("Target") is not { } target
            )
                continue;
            result.TryAdd(id, (type[(type.LastIndexOf('/') + 1)..], Resolve(folder, target)));
        }
        return result;
    }

    /// <summary>A relationship's target as a part name: relative to the source part's folder unless it starts
    /// with "/", with "." and ".." taken out.</summary>
    private static string Resolve(string folder, string target)
    {
        target = Uri.UnescapeDataString(target);
        var path = target.StartsWith('/') ? target[1..] : folder + target;
        var parts = new List<string>();
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or ".")
                continue;
            if (segment == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else
                parts.Add(segment);
        }
        return string.Join('/', parts);
    }

    public static bool IsText(XmlNodeType type) =>
        type is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.Whitespace or XmlNodeType.SignificantWhitespace;

    /// <summary>Moves to the next node that is not text, taking any text on the way in chunks (into
    /// <paramref name="chunk"/>, then dropped), so that no text node is ever held whole.</summary>
    public static bool ReadMarkup(XmlReader xml, char[] chunk)
    {
        while (xml.Read())
        {
            if (!IsText(xml.NodeType))
                return true;
            while (xml.ReadValueChunk(chunk, 0, chunk.Length) > 0) { }
        }
        return false;
    }

    public void Dispose() => _zip.Dispose();
}
