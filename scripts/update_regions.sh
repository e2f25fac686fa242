#!/usr/bin/env bash
# Refresh regions/data/*.csv from the pinned idn-area-data release (needs npm).
set -euo pipefail
version="${1:-4.0.1}"
here="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "idn-area-data@${version}" >/dev/null && tar xzf idn-area-data-*.tgz)
cp "$tmp/package/data/provinces.csv" "$tmp/package/data/regencies.csv" "$here/regions/data/"
echo "regions/data updated from idn-area-data@${version}; update the version in regions/data/README.md."
