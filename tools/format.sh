#!/usr/bin/env bash
# Formats the sources to the house width (max_line_length in .editorconfig): CSharpier for C#, then
# tools/wrap-cs.py for the comments and strings it leaves long (until nothing changes), then tools/wrap-razor.py
# for the Razor views. ./test.sh checks the result with `dotnet csharpier check .` and tools/check-lines.py, which
# lists what is left for a person to fold (a long URL, a long expression in a view).
set -e
cd "$(dirname "$0")/.."
dotnet tool restore > /dev/null
mapfile -t cs < <(git ls-files -co --exclude-standard '*.cs' | grep -v '/Migrations/')
for _ in 1 2 3 4; do
  dotnet csharpier format . > /dev/null
  [ "$(python3 tools/wrap-cs.py "${cs[@]}")" = "wrap-cs: 0 files changed" ] && break
done
git ls-files -co --exclude-standard '*.cshtml' | xargs python3 tools/wrap-razor.py
python3 tools/check-lines.py
