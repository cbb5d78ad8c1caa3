namespace Hongling.Web.Infrastructure.Workbooks;

/// <summary>One inflated zip entry, read forward only, that charges every byte to the workbook's budget and
/// refuses markup (a tag with its attribute values, a comment, a CDATA section, a processing instruction)
/// longer than <see cref="SheetReader.MaxMarkupBytes"/>. XmlReader holds a whole tag in memory, so one
/// attribute of a gigabyte would otherwise be inflated into memory at once; text between tags is left to the
/// reader, which <see cref="SheetReader"/> takes in chunks. The scan assumes an ASCII-compatible encoding
/// (UTF-8, as spreadsheet programs write), so a part that starts as UTF-16 is refused as unreadable.</summary>
internal sealed class PartStream(Stream inner, WorkbookPackage package) : Stream
{
    private enum Scan
    {
        Text,
        Open,
        Tag,
        Quoted,
        Special,
    }

    private Scan _state;
    private long _markup;
    private byte _quote;
    private byte _prev1,
        _prev2;
    private bool _special; // the markup opened with "<!" (comment, CDATA) rather than "<?"
    private int _start; // the first two bytes, to recognise UTF-16
    private int _seen;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        package.Charge(n);
        for (var i = 0; i < n && _seen < 2; i++, _seen++)
        {
            _start = _start << 8 | buffer[i];
            if (_seen == 1 && _start is 0xFFFE or 0xFEFF or 0x3C00 or 0x003C)
                throw new InvalidDataException("A UTF-16 part.");
        }
        Check(buffer[..n]);
        return n;
    }

    private void Check(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            int at;
            switch (_state)
            {
                case Scan.Text:
                    at = data.IndexOf((byte)'<');
                    if (at < 0)
                        return;
                    _state = Scan.Open;
                    _markup = 0;
                    data = data[(at + 1)..];
                    break;
                case Scan.Open:
                    _special = data[0] == '!';
                    _state = data[0] is (byte)'!' or (byte)'?' ? Scan.Special : Scan.Tag;
                    _prev1 = _prev2 = 0;
                    break;
                case Scan.Tag:
                    at = data.IndexOfAny((byte)'>', (byte)'"', (byte)'\'');
                    if (at < 0)
                    {
                        Grow(data.Length);
                        return;
                    }
                    Grow(at + 1);
                    if (data[at] == '>')
                        _state = Scan.Text;
                    else
                    {
                        _quote = data[at];
                        _state = Scan.Quoted;
                    }
                    data = data[(at + 1)..];
                    break;
                case Scan.Quoted:
                    at = data.IndexOf(_quote);
                    if (at < 0)
                    {
                        Grow(data.Length);
                        return;
                    }
                    Grow(at + 1);
                    _state = Scan.Tag;
                    data = data[(at + 1)..];
                    break;
                case Scan.Special:
                    // Rare (the XML declaration, in practice): byte by byte, up to "-->", "]]>" or "?>".
                    var i = 0;
                    for (; i < data.Length && _state == Scan.Special; i++)
                    {
                        var b = data[i];
                        if (
                            b == '>'
                            && (
                                _special
                                    ? (_prev1 == '-' && _prev2 == '-') || (_prev1 == ']' && _prev2 == ']')
                                    : _prev1 == '?'
                            )
                        )
                            _state = Scan.Text;
                        _prev2 = _prev1;
                        _prev1 = b;
                    }
                    Grow(i);
                    data = data[i..];
                    break;
            }
        }
    }

    private void Grow(int bytes)
    {
        _markup += bytes;
        if (_markup > SheetReader.MaxMarkupBytes)
            throw new WorkbookLimitException(
                $"文件中有超过{SheetReader.MaxMarkupBytes / 1024}KB的XML标记,不是常规的Excel文件,请用Excel另存后再导入"
            );
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
