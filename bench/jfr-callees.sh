#!/bin/sh
# For samples whose stack holds a frame matching PATTERN: counts the frame called right below it (its callee).
# usage: jfr-callees.sh file.jfr PATTERN [N]
f=$1; p=$2; n=${3:-30}
jfr print --stack-depth 200 --events jdk.ExecutionSample "$f" | awk -v pat="$p" '
  /stackTrace = \[/{inst=1; prev=""; found=0; next}
  inst && /^[ \t]*\]/{inst=0; if(found==0 && hit) print "(self)"; next}
  inst{ s=$0; sub(/^[ \t]+/,"",s); sub(/line:.*/,"",s);
        if(!found && index(s,pat)>0){ found=1; if(prev!="") print prev; else print "(self)"; }
        prev=s }' | sort | uniq -c | sort -rn | head -$n
