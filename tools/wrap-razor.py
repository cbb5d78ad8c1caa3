#!/usr/bin/env python3
"""Wraps Razor lines longer than the limit where a line break changes nothing the browser shows: between attributes,
between C# tokens, at the edge of a block, and in text through a Razor comment (script and style are never cut).

  tools/wrap-razor.py FILE...   rewrites each file in place; the rest of a cut line goes on the next line, indented
                                four spaces deeper than the line it came from.
"""
import re
import sys

LIMIT = 120
TAG_START = re.compile(r"<([A-Za-z][\w:.-]*)")
CODE_HEAD = re.compile(r"@(?:if|foreach|for|while|switch|using|lock) \(")
IMPLICIT = re.compile(r"[A-Za-z_]\w*")
KEYWORDS = set(
    "if else foreach for while do switch using model inject section functions code page try lock await".split()
)
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
PUNCTUATION = " ,.;:\uff0c\u3002\uff1b\uff1a\u3001\uff09)"
TAG_EDGE = re.compile(r"</?([A-Za-z][\w-]*)")
# Whitespace next to these is never drawn (start or end of a block or a table cell, inside a list or a select).
BLOCKS = set(
    "div p ul ol li table thead tbody tfoot tr td th caption dl dt dd h1 h2 h3 h4 h5 h6 form section nav header "
    "footer main article aside details summary fieldset legend figure figcaption option optgroup hr".split()
)


def break_points(text):
    """Where a line may be cut, as (offset, kind):
    True     a space between two attributes of a start tag, inside a class list, or between two C# tokens of a Razor
             expression (outside strings); "name" for the space after a tag's name, taken last;
    False    the edge between two tags where one of them is a block's (no space is drawn there);
    None     inside text, where the cut is hidden in a Razor comment (`@*` line break `*@`) so that no space appears.
    """
    points = []
    last_tag_end = None
    in_text = False  # in the text of markup (after a tag, before the next tag, code or line end)
    i, n = 0, len(text)
    raw_until = None  # inside <script>/<style>: skip to its end tag
    while i < n:
        if raw_until:
            j = text.find(raw_until, i)
            i = n if j < 0 else j
            raw_until = None
            continue
        if text.startswith("@*", i):
            j = text.find("*@", i + 2)
            i = n if j < 0 else j + 2
            continue
        if text.startswith("<!--", i):
            j = text.find("-->", i + 4)
            i = n if j < 0 else j + 3
            continue
        c = text[i]
        if c == "@" and (text.startswith("@(", i) or text.startswith("@{", i)):
            spaces = []
            i = skip_parens(text, i + 1, spaces)
            points.extend((k, True) for k in spaces)
            continue
        m = CODE_HEAD.match(text, i) if c == "@" else None
        if m:
            spaces = []
            i = skip_parens(text, m.end() - 1, spaces)
            points.extend((k, True) for k in spaces)
            in_text = False
            continue
        if c == "@" and text[i - 1 : i] not in ("@",) and not text[i - 1 : i].isalnum():
            m = IMPLICIT.match(text, i + 1)
            if m and m.group(0) not in KEYWORDS:
                spaces = []
                i = skip_implicit(text, m.end(), spaces)
                points.extend((k, True) for k in spaces)
                continue
        if c in "@\n<{}":
            in_text = False
        elif in_text and i > 0 and (CJK.match(text[i - 1]) or text[i - 1] == " ") and text[i] not in " }":
            points.append((i, None))
        if c == "<" and last_tag_end == i and text[i - 1] == ">":
            before = text.rfind("<", 0, i - 1)
            a, b = TAG_EDGE.match(text, before), TAG_EDGE.match(text, i)
            if a and b and (a.group(1).lower() in BLOCKS or b.group(1).lower() in BLOCKS):
                points.append((i, False))
        m = TAG_START.match(text, i)
        if text.startswith("</", i) and TAG_EDGE.match(text, i):
            j = text.find(">", i)
            i = n if j < 0 else j + 1
            last_tag_end = i
            in_text = True
            continue
        if not m or (i > 0 and text[i - 1] in "@(" or is_generic(text, i)):
            i += 1
            continue
        name = m.group(1).lower()
        i = m.end()
        after_name = i
        quote, paren, in_class = None, 0, False
        while i < n:
            c = text[i]
            if quote:
                if c == "@" and text.startswith("@(", i):
                    spaces = []
                    i = skip_parens(text, i + 1, spaces)
                    points.extend((k, True) for k in spaces)
                    continue
                if c == quote:
                    quote = None
                elif in_class and c == " " and text[i - 1] != " " and text[i + 1] not in " " + quote:
                    points.append((i, True))  # a class list may be split over lines
            elif paren:
                pass
            elif c in "\"'":
                quote = c
                in_class = text.endswith("class=", 0, i)
            elif c == "@" and text.startswith("@(", i):
                i = skip_parens(text, i + 1)
                continue
            elif c == ">":
                break
            elif c == " " and text[i + 1 : i + 2] not in ("", " ", "/", ">", "=") and text[i - 1] not in " =":
                points.append((i, True if i != after_name else "name"))
            elif c == "\n":
                pass
            i += 1
        i += 1
        last_tag_end = i
        in_text = name not in ("script", "style", "pre", "textarea")
        if name in ("script", "style", "pre", "textarea") and not text[i - 2 : i] == "/>":
            raw_until = f"</{name}"
    return points


def skip_implicit(text, i, spaces=None):
    """The rest of an implicit expression (`@a.B(c)[d].E`) from just after its first name."""
    n = len(text)
    while i < n:
        if text[i] == "(":
            i = skip_parens(text, i, spaces)
        elif text[i] == "[":
            j = text.find("]", i)
            i = n if j < 0 else j + 1
        elif text.startswith("?.", i) or text.startswith("!.", i):
            i += 1
        elif text[i] == "." and i + 1 < n and (text[i + 1].isalpha() or text[i + 1] == "_"):
            m = IMPLICIT.match(text, i + 1)
            i = m.end() if m else i + 1
        else:
            return i
    return n


def is_generic(text, i):
    """`List<string>` and the like in Razor code: a type argument, not a tag."""
    return i > 0 and (text[i - 1].isascii() and text[i - 1].isalnum() or text[i - 1] == "_")


def skip_parens(text, i, spaces=None):
    """From an opening bracket ( or { to just after its match, stepping over C# strings and characters; adds the
    offsets of spaces between C# tokens (where a line break means the same) to spaces."""
    pairs = {"(": ")", "{": "}", "[": "]"}
    stack, n = [], len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            return i  # a block over several lines: its lines are read as markup
        if c == '"' or text.startswith('$"', i) or text.startswith('@"', i):
            i = skip_string(text, i)
            continue
        if c == "'":
            m = re.match(r"'(\\.[^']*|[^'\\])'", text[i:])
            i += len(m.group(0)) if m else 1
            continue
        if c in pairs:
            stack.append(pairs[c])
        elif stack and c == stack[-1]:
            stack.pop()
            if not stack:
                return i + 1
        elif c == " " and spaces is not None and text[i - 1] not in " (" and text[i + 1] not in " )":
            spaces.append(i)
        i += 1
    return n


def skip_string(text, i):
    """From the start of a C# string literal (regular, verbatim or interpolated) to just after it."""
    verbatim = text.startswith('@"', i) or text.startswith('$@"', i) or text.startswith('@$"', i)
    interpolated = text[i] == "$" or text.startswith('@$"', i)
    i = text.index('"', i) + 1
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\\" and not verbatim:
            i += 2
            continue
        if c == '"':
            if verbatim and text.startswith('""', i):
                i += 2
                continue
            return i + 1
        if interpolated and c == "{":
            if text.startswith("{{", i):
                i += 2
                continue
            i = skip_parens(text, i)
            continue
        i += 1
    return n


def wrap(text):
    points = dict(break_points(text))
    out, pos = [], 0
    for line in text.split("\n"):
        start = pos
        pos += len(line) + 1
        indent = len(line) - len(line.lstrip())
        pad = " " * (indent + 4)
        head, rest, offset = "", line, 0  # rest = line[offset:], to go after head
        while len(head) + len(rest) > LIMIT:
            cut = choose(line, start, offset, len(head), indent, points)
            if cut is None:
                break
            kind = points[start + cut]
            piece = line[offset:cut]
            if kind is None:
                out.append(head + piece + "@*")
                head, offset = pad + "*@", cut
            else:
                out.append(head + piece)
                head, offset = pad, cut if kind is False else cut + 1
            rest = line[offset:]
        out.append(head + rest)
    return "\n".join(out)


def choose(line, start, offset, head, indent, points):
    """The cut for the piece of line from offset, written after head characters: the last that keeps it within the
    limit, preferring the edge of a tag or an attribute (over text) and, in text, a cut after punctuation."""
    room = LIMIT - head
    cands = [c for c in range(offset + 8, offset + room) if start + c in points and c > indent + 8]
    cands = [c for c in cands if c - offset + (2 if points[start + c] is None else 0) <= room]
    if not cands:
        return None
    if any(points[start + c] != "name" for c in cands):
        cands = [c for c in cands if points[start + c] != "name"]
    tags = [c for c in cands if points[start + c] is not None]
    if tags and max(tags) > max(cands) - 50:
        return max(tags)
    nice = [c for c in cands if points[start + c] is None and line[c - 1] in PUNCTUATION]
    return max(nice) if nice and max(nice) > max(cands) - 30 else max(cands)


def main():
    changed = 0
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            text = f.read()
        new = wrap(text)
        if new != text:
            with open(path, "w", encoding="utf-8") as f:
                f.write(new)
            changed += 1
    print(f"wrap-razor: {changed} files changed")


if __name__ == "__main__":
    main()
