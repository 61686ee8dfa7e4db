#!/bin/bash
# CPU time per thread of a Node process, for telling the JS thread from V8's platform threads
# (JIT compiler, GC helpers) and worker threads: docs/performance.md, "Issue 13 continued".
#   bash scripts/thread-cpu.sh dist/cli.js check FOLDER --workers 2
# Runs `node ARGS...` (its stdout discarded), samples /proc/PID/task/*/stat every 50 ms, and prints
# each thread's last user+system time in seconds, largest first. Linux only.
node "$@" >/dev/null &
pid=$!
declare -A last
while kill -0 "$pid" 2>/dev/null; do
  for t in /proc/"$pid"/task/*; do
    stat=$(cat "$t/stat" 2>/dev/null) || continue
    rest=${stat#*) }
    read -r -a f <<<"$rest"
    # after the command name: field 12 is utime, 13 stime (clock ticks)
    last[${t##*/}]=$((f[11] + f[12]))
  done
  sleep 0.05
done
wait "$pid"
tick=$(getconf CLK_TCK)
for tid in "${!last[@]}"; do echo "${last[$tid]} $tid"; done |
  sort -rn | awk -v tick="$tick" -v main="$pid" '{ printf "%6.2f s  thread %s%s\n", $1 / tick, $2, ($2 == main ? " (main)" : "") }'
total=0
for tid in "${!last[@]}"; do total=$((total + last[$tid])); done
awk -v t="$total" -v tick="$tick" 'BEGIN { printf "%6.2f s  in all\n", t / tick }'
