#!/usr/bin/env bash
# Puts the TMX 1.4 DTD (LISA's tmx14.dtd, unchanged in TMX 1.4b) at
# target/dtd/tmx14.dtd, for the TMX export's validation test. It comes from
# Debian's omegat package, which ships it inside its jar; only the package is
# downloaded, nothing installed. The checksum pins the DTD itself.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/dtd/tmx14.dtd
sum=b55b69432676c1a330c1d4acf2db5f61d276ea83cda0180b7b3bc7018c459063
if [ -f "$out" ] && echo "$sum  $out" | sha256sum -c --quiet 2>/dev/null; then
  exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download -q omegat >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get download -q omegat; })
deb=$(ls "$work"/omegat_*.deb)
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/omegat/OmegaT.jar > "$work/OmegaT.jar"
python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("schemas/tmx14.dtd"))' \
  "$work/OmegaT.jar" > "$work/tmx14.dtd"
echo "$sum  $work/tmx14.dtd" | sha256sum -c --quiet
mkdir -p "$(dirname "$out")"
mv "$work/tmx14.dtd" "$out"
