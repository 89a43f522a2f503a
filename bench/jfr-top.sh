#!/bin/sh
# Aggregates JFR execution samples: top frames (self) and, with a pattern, frames anywhere on the stack (total).
# usage: jfr-top.sh file.jfr [N]
f=$1; n=${2:-40}
jfr print --stack-depth 200 --events jdk.ExecutionSample "$f" > /tmp/jfr-top.$$.txt
echo "samples: $(grep -c 'jdk.ExecutionSample' /tmp/jfr-top.$$.txt)"
echo "--- self (top frame)"
awk '/stackTrace = \[/{getline; sub(/^[ \t]+/,""); sub(/line:.*/,""); print}' /tmp/jfr-top.$$.txt | sort | uniq -c | sort -rn | head -$n
echo "--- total (any frame, once per sample)"
awk '/stackTrace = \[/{inst=1; delete seen; next} inst && /^[ \t]*\]/{inst=0; next} inst{ s=$0; sub(/^[ \t]+/,"",s); sub(/line:.*/,"",s); if(!(s in seen)){seen[s]=1; print s} }' /tmp/jfr-top.$$.txt | sort | uniq -c | sort -rn | head -$n
rm -f /tmp/jfr-top.$$.txt
