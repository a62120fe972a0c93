#!/usr/bin/env bash
# Downloads, unpacks and verifies the public datasets cagekit reads.
#
# Usage: tools/fetch-datasets.sh [--dest DIR] [--dataset hapt|mhealth|all] [--force]
#                                [--checksums FILE]
#
#   --dest DIR        data root to fill (default: $CAGEKIT_DATA, else ./datasets); the datasets
#                     land in DIR/uci-hapt and DIR/mhealth/MHEALTHDATASET, where cagekit looks.
#   --dataset NAME    hapt, mhealth or all (default all).
#   --force           replace a dataset folder that already exists.
#   --checksums FILE  list of "<sha256>  <dataset>/<path>" lines to verify against (default:
#                     the official list shipped in src/main/resources/org/cagekit/data).
#
# The archives come from the UCI Machine Learning Repository; CAGEKIT_HAPT_URL and
# CAGEKIT_MHEALTH_URL replace the download addresses (a mirror, or a local server).
# Each archive is unpacked into a temporary folder inside DEST, every file of the official list
# is checked by SHA-256, and only a fully verified copy is moved into place. Exit 0 on success,
# 1 on a failed download, unpack or verification, 2 on a usage error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
hapt_url="${CAGEKIT_HAPT_URL:-https://archive.ics.uci.edu/static/public/341/smartphone+based+recognition+of+human+activities+and+postural+transitions.zip}"
mhealth_url="${CAGEKIT_MHEALTH_URL:-https://archive.ics.uci.edu/static/public/319/mhealth+dataset.zip}"
dest="${CAGEKIT_DATA:-datasets}"
which="all"
force=0
checksums="$root/src/main/resources/org/cagekit/data/official-checksums.txt"

usage() {
  echo "fetch-datasets: $1" >&2
  echo "usage: tools/fetch-datasets.sh [--dest DIR] [--dataset hapt|mhealth|all] [--force]" \
    "[--checksums FILE]" >&2
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --dest) [[ $# -ge 2 ]] || usage "--dest needs a folder"; dest="$2"; shift 2 ;;
    --dataset) [[ $# -ge 2 ]] || usage "--dataset needs a name"; which="$2"; shift 2 ;;
    --checksums) [[ $# -ge 2 ]] || usage "--checksums needs a file"; checksums="$2"; shift 2 ;;
    --force) force=1; shift ;;
    -h|--help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' \
      "${BASH_SOURCE[0]}"; exit 0 ;;
    *) usage "unknown argument '$1'" ;;
  esac
done
case "$which" in
  hapt|mhealth|all) ;;
  *) usage "unknown dataset '$which': known datasets are hapt, mhealth" ;;
esac
[[ -f "$checksums" ]] || usage "checksum list $checksums not found"

work_dirs=()
cleanup() {
  local d
  for d in "${work_dirs[@]+"${work_dirs[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT

fail() {
  echo "fetch-datasets: $1" >&2
  exit 1
}

download() { # url file
  if command -v curl >/dev/null; then
    curl --fail --silent --show-error --location --retry 2 --output "$2" "$1"
  elif command -v wget >/dev/null; then
    wget --quiet --tries=3 --output-document="$2" "$1"
  else
    python3 -c 'import shutil, sys, urllib.request
with urllib.request.urlopen(sys.argv[1]) as r, open(sys.argv[2], "wb") as f:
    shutil.copyfileobj(r, f)' "$1" "$2"
  fi
}

unpack() { # zip folder
  if command -v unzip >/dev/null; then
    unzip -q -o "$1" -d "$2"
  else
    python3 -m zipfile -e "$1" "$2"
  fi
}

# Prints the folder under $1 that holds the file named $2 (a relative path), or nothing.
find_holder() {
  local hit
  hit="$(find "$1" -path "*/$2" -print -quit 2>/dev/null || true)"
  if [[ -n "$hit" ]]; then
    local dir="$hit"
    local depth
    depth="$(tr -cd '/' <<<"$2" | wc -c)"
    dir="$(dirname "$dir")"
    for ((i = 0; i < depth; i++)); do dir="$(dirname "$dir")"; done
    echo "$dir"
  fi
}

# Checks every listed file of dataset $1 inside folder $2; prints what differs.
verify() {
  local name="$1" dir="$2" bad=0 total=0 hash path
  while read -r hash path; do
    [[ -z "$hash" || "$hash" == \#* ]] && continue
    [[ "$path" == "$name/"* ]] || continue
    total=$((total + 1))
    local file="$dir/${path#"$name/"}"
    if [[ ! -f "$file" ]]; then
      echo "fetch-datasets: $name: ${path#"$name/"} is missing from the archive" >&2
      bad=$((bad + 1))
    elif [[ "$(sha256sum "$file" | cut -d' ' -f1)" != "$hash" ]]; then
      echo "fetch-datasets: $name: ${path#"$name/"} differs from the official release" >&2
      bad=$((bad + 1))
    fi
  done <"$checksums"
  [[ $total -gt 0 ]] || { echo "fetch-datasets: $name: no checksums listed" >&2; return 1; }
  [[ $bad -eq 0 ]] || return 1
  echo "$name: $total files verified (SHA-256)"
}

# fetch NAME URL TARGET MARKER: MARKER is a path inside the dataset's folder that locates it.
fetch() {
  local name="$1" url="$2" target="$3" marker="$4"
  if [[ -e "$target" && $force -eq 0 ]]; then
    echo "$name: $target already exists; --force replaces it"
    return 0
  fi
  mkdir -p "$dest"
  local work
  work="$(mktemp -d "$dest/.fetch-$name.XXXXXX")"
  work_dirs+=("$work")
  echo "$name: downloading $url" >&2
  download "$url" "$work/archive.zip" || fail "$name: download of $url failed"
  mkdir "$work/unpacked"
  unpack "$work/archive.zip" "$work/unpacked" || fail "$name: $url is not a readable zip"
  local holder
  holder="$(find_holder "$work/unpacked" "$marker")"
  if [[ -z "$holder" ]]; then
    # Some UCI archives wrap the release in a second zip.
    local inner
    while IFS= read -r inner; do
      unpack "$inner" "$(dirname "$inner")" || fail "$name: inner archive $inner is unreadable"
    done < <(find "$work/unpacked" -name '*.zip')
    holder="$(find_holder "$work/unpacked" "$marker")"
  fi
  [[ -n "$holder" ]] || fail "$name: the archive from $url holds no $marker"
  verify "$name" "$holder" || fail "$name: verification failed; nothing was installed"
  mkdir -p "$(dirname "$target")"
  rm -rf "$target"
  mv "$holder" "$target"
  echo "$name: installed in $target"
}

if [[ "$which" == hapt || "$which" == all ]]; then
  fetch hapt "$hapt_url" "$dest/uci-hapt" "RawData/labels.txt"
fi
if [[ "$which" == mhealth || "$which" == all ]]; then
  fetch mhealth "$mhealth_url" "$dest/mhealth/MHEALTHDATASET" "mHealth_subject1.log"
fi
