#!/usr/bin/env python3
"""Wraps C# lines longer than the limit where CSharpier cannot: comments and string literals.

  tools/wrap-cs.py FILE...   rewrites each file in place; run `dotnet csharpier format` afterwards, which lays out
                             the `+` chains this makes (tools/format.sh does both until nothing changes).

Whole-line comments are re-wrapped at spaces (or between CJK characters) under the same prefix; a comment after code
moves to its own line above; the longest ordinary or interpolated string literal on a long line is cut in two with
`+`. Raw and verbatim strings are left alone (their line breaks would change the text).
"""
import re
import sys

LIMIT = 120
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def scan(text):
    """Per line: the column of a comment that follows code, and the string literals (start, end, interpolated)."""
    lines = text.split("\n")
    info = [{"comment": None, "strings": []} for _ in lines]
    stack = ["code"]  # code | str | istr | verb | raw:N | block ; istr pushes "hole" for {expr}
    depth = [0]  # brace depth inside each interpolation hole
    for n, line in enumerate(lines):
        i = 0
        start = None
        while i < len(line):
            state = stack[-1]
            c = line[i]
            nxt = line[i + 1] if i + 1 < len(line) else ""
            if state in ("code", "hole"):
                if c == "/" and nxt == "/":
                    if state == "code" and line[:i].strip():
                        info[n]["comment"] = i
                    break
                if c == "/" and nxt == "*":
                    stack.append("block")
                    i += 2
                    continue
                if c == "'":
                    m = re.match(r"'(\\.[^']*|[^'\\])'", line[i:])
                    i += len(m.group(0)) if m else 1
                    continue
                m = re.match(r'(\$+)?"""|(\$@|@\$|@)"|\$"|"', line[i:])
                if m:
                    tok = m.group(0)
                    if tok.endswith('"""'):
                        q = len(re.match(r'\$*("+)', line[i:]).group(1))
                        stack.append(f"raw:{q}")
                        i += len(tok) + (q - 3)
                        continue
                    if "@" in tok:
                        stack.append("verb")
                    elif tok == '$"':
                        stack.append("istr")
                        start = (i, True) if state == "code" else start
                    else:
                        stack.append("str")
                        start = (i, False) if state == "code" else start
                    i += len(tok)
                    continue
                if state == "hole":
                    if c == "{":
                        depth[-1] += 1
                    elif c == "}":
                        if depth[-1] == 0:
                            stack.pop()
                            depth.pop()
                        else:
                            depth[-1] -= 1
                i += 1
                continue
            if state == "block":
                if c == "*" and nxt == "/":
                    stack.pop()
                    i += 2
                    continue
                i += 1
                continue
            if state.startswith("raw:"):
                q = int(state[4:])
                if line.startswith('"' * q, i):
                    stack.pop()
                    i += q
                    continue
                i += 1
                continue
            if state == "verb":
                if c == '"' and nxt == '"':
                    i += 2
                    continue
                if c == '"':
                    stack.pop()
                i += 1
                continue
            # str / istr
            if c == "\\":
                i += 2
                continue
            if state == "istr" and c == "{":
                if nxt == "{":
                    i += 2
                    continue
                stack.append("hole")
                depth.append(0)
                i += 1
                continue
            if state == "istr" and c == "}" and nxt == "}":
                i += 2
                continue
            if c == '"':
                stack.pop()
                if stack[-1] == "code" and start is not None:
                    if not line.startswith("u8", i + 1):
                        info[n]["strings"].append((start[0], i + 1, start[1]))
                    start = None
            i += 1
        if stack[-1] in ("str", "istr", "hole"):  # an unterminated literal: leave the line alone
            stack[:] = ["code"]
            depth[:] = [0]
            start = None
    return lines, info


def wrap_comment(line):
    m = re.match(r"(\s*)(///?\s?)(.*)$", line)
    indent, prefix, body = m.groups()
    head = indent + prefix
    out = []
    while len(head) + len(body) > LIMIT:
        room = LIMIT - len(head)
        cut = body.rfind(" ", 0, room + 1)
        if cut <= room // 3:
            cjk = [k for k in range(room, room // 3, -1) if CJK.match(body[k - 1]) or CJK.match(body[k])]
            if not cjk:
                break
            cut = cjk[0]
            out.append(head + body[:cut])
            body = body[cut:]
        else:
            out.append(head + body[:cut])
            body = body[cut + 1 :]
    out.append(head + body)
    return out


def safe_cuts(lit, interpolated):
    """Offsets inside a literal's text where it may be cut: not in an escape, a hole or a doubled brace."""
    cuts, i, depth = [], 0, 0
    while i < len(lit):
        c = lit[i]
        if depth == 0:
            cuts.append(i)
        if c == "\\" and depth == 0:
            i += 2
            continue
        if interpolated and c == "{":
            if depth == 0 and lit.startswith("{{", i):
                i += 2
                continue
            depth += 1
        elif interpolated and c == "}":
            if depth == 0 and lit.startswith("}}", i):
                i += 2
                continue
            depth = max(0, depth - 1)
        elif interpolated and c == '"' and depth > 0:
            j = lit.index('"', i + 1)
            i = j + 1
            continue
        i += 1
    return [k for k in cuts if k > 0]


def split_string(line, strings):
    best = max(strings, key=lambda s: s[1] - s[0], default=None)
    if best is None or best[1] - best[0] < 24:
        return None
    s, e, interpolated = best
    open_len = 2 if interpolated else 1
    lit = line[s + open_len : e - 1]
    cuts = safe_cuts(lit, interpolated)
    target = max(LIMIT - 10 - (s + open_len), len(lit) // 2)
    target = min(target, len(lit) - 8)

    def score(k):
        prev = lit[k - 1]
        bonus = 0 if prev in " ,;:/，。；：、)" or CJK.match(prev) else 12
        return abs(k - target) + bonus

    ok = [k for k in cuts if 4 <= k <= len(lit) - 4]
    if not ok:
        return None
    k = min(ok, key=score)
    q = '$"' if interpolated else '"'
    return line[: s + open_len] + lit[:k] + '" + ' + q + lit[k:] + line[e - 1 :]


def wrap(text):
    lines, info = scan(text)
    out = []
    for line, meta in zip(lines, info):
        if len(line) <= LIMIT:
            out.append(line)
            continue
        stripped = line.lstrip()
        if stripped.startswith("//"):
            out.extend(wrap_comment(line))
        elif meta["comment"] is not None:
            indent = line[: len(line) - len(stripped)]
            comment = line[meta["comment"] :].strip()
            out.extend(wrap_comment(indent + comment))
            out.append(line[: meta["comment"]].rstrip())
        else:
            split = split_string(line, meta["strings"])
            out.append(split if split is not None else line)
    return "\n".join(out)


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
    print(f"wrap-cs: {changed} files changed")


if __name__ == "__main__":
    main()
