#!/usr/bin/env bash
# Installs the Debian packages Workshop needs, only those missing. Run by `make` before building.
set -euo pipefail

packages=(
  pkg-config        # SwiftPM finds SQLite through it
  libsqlite3-dev    # the database
  libhpdf-dev       # libharu: PDF documents
  libharfbuzz-dev   # hb-subset: the font cut down to a document's characters before libharu embeds it
  libedit-dev       # line editing, history and completion at the terminal
  libcrypt-dev      # libxcrypt: PINs stored as salted slow hashes
  libssl-dev        # OpenSSL libcrypto: SHA-256 for the journal's hash chain
  fonts-wqy-zenhei  # the Chinese font embedded in PDFs
  poppler-utils     # pdftotext/pdftoppm: tests read the PDFs back
  sqlite3           # the sqlite3 tool: tests edit the database behind Workshop's back
  chromium          # headless Chromium: tests print the HTML documents as a browser does and read them back
  libcurl4-openssl-dev  # libcurl: uploads to the national repair record (汽车维修电子健康档案)
  libpq-dev         # libpq: the PostgreSQL client, for shops that keep their data on a server
  postgresql        # the PostgreSQL server: `make test` runs the PostgreSQL suites on a throwaway one
)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
