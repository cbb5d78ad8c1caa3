#!/usr/bin/env python3
"""Lists source lines longer than 120 characters (not bytes) in the files git tracks; exits 1 when there are any.

  tools/check-lines.py [PATH...]   the tracked files under the given paths (default: the whole repository)

Generated EF Core migrations, binary files and Markdown prose are not checked (Markdown wraps when shown).
"""
import subprocess
import sys

LIMIT = 120
CHECKED = (".cs", ".cshtml", ".sh", ".py", ".js", ".css", ".lua", ".json", ".props", ".csproj", ".slnx", ".conf")
SKIPPED = ("/Migrations/", "wwwroot/lib/")


def tracked(paths):
    out = subprocess.run(["git", "ls-files", "-co", "--exclude-standard", "--", *paths], capture_output=True, text=True)
    return [p for p in out.stdout.splitlines() if p.endswith(CHECKED) and not any(s in p for s in SKIPPED)]


def main():
    long = []
    for path in tracked(sys.argv[1:]):
        try:
            with open(path, encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    if len(line.rstrip("\n")) > LIMIT:
                        long.append(f"{path}:{n}: {len(line.rstrip())} characters")
        except (FileNotFoundError, UnicodeDecodeError):
            continue
    for entry in long:
        print(entry)
    print(f"check-lines: {len(long)} lines longer than {LIMIT} characters")
    return 1 if long else 0


if __name__ == "__main__":
    sys.exit(main())
