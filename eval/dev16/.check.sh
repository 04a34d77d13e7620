#!/bin/bash
# usage: .check.sh URL...  -> prints OK or reason
for u in "$@"; do
  n=$(python3 -c "import sys,re;u=sys.argv[1].strip().lower().split('#')[0];u=re.sub(r'^[a-z]+://','',u);print(re.sub(r'^www\.','',u).rstrip('/'))" "$u")
  python3 /work/shared/tools/heldout.py "$u" >/dev/null || { echo "HELDOUT $u"; continue; }
  if cat /work/shared/{seeds,dev-articles,dev-articles-2}/MANIFEST.tsv /work/lead/dev16/MANIFEST.tsv 2>/dev/null | tr 'A-Z' 'a-z' | grep -qF "$n"; then echo "INMANIFEST $u"; continue; fi
  if grep -rqiF "$n" /work/main/src/communique/samples 2>/dev/null; then echo "INSAMPLES $u"; continue; fi
  echo "OK $u"
done
