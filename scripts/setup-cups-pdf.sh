#!/usr/bin/env bash
# Makes sure CUPS runs with the cups-pdf virtual printer "BadgePDF" (prints to ~/PDF), for the print tests and
# for trying printing on a machine without a real badge printer. Idempotent.
set -eu
if ! pgrep -x cupsd > /dev/null; then
  cupsd
  for _ in $(seq 1 50); do lpstat -r 2>/dev/null | grep -q "is running" && break; sleep 0.1; done
fi
if ! LC_ALL=C lpstat -e 2>/dev/null | grep -qx BadgePDF; then
  lpadmin -p BadgePDF -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
fi
if ! LC_ALL=C lpstat -e 2>/dev/null | grep -qx BadgeStopped; then
  lpadmin -p BadgeStopped -E -v cups-pdf:/ -m lsb/usr/cups-pdf/CUPS-PDF_opt.ppd 2>/dev/null
fi
# cups-pdf re-distils PostScript into PDF. CUPS's default PDF→PostScript step drops the text layer of CID fonts
# (the printed PDF would show the badge right but hold no searchable text); pdftocairo keeps it, so the printed
# file can be checked as a reader would.
lpadmin -p BadgePDF -o pdftops-renderer-default=pdftocairo
# A printer that accepts jobs but is stopped, as a jammed label printer is.
cupsdisable -r "Paper jam (test printer)" BadgeStopped
LC_ALL=C lpstat -e
