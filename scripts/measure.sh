# Sourced by the bench scripts. measure LABEL CMD...: runs CMD under
# /usr/bin/time -v with its output in $WORK, prints the label, seconds, peak
# RSS in MiB and the command's last line; sets LAST_SECS. Needs $WORK and
# /usr/bin/time (the scripts check for it first).
measure() {
  local label=$1; shift
  /usr/bin/time -v "$@" >"$WORK/out" 2>"$WORK/time" || { cat "$WORK/out" "$WORK/time" >&2; exit 1; }
  local secs rss
  secs=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$WORK/time")
  printf '%-44s %7.2f s %6s MiB   %s\n' "$label" "$secs" "$rss" "$(tail -n 1 "$WORK/out")"
  LAST_SECS=$secs
}
