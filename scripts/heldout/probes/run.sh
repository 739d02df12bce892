#!/bin/sh
# Controlled probes: one chunked card, one factor changed per line. Prints what the engine covered per turn.
# Usage: sh scripts/heldout/probes/run.sh   (from the repository root)
for p in card-chunks-1 card-chunks-2; do
  node scripts/heldout/probes/$p.mjs | tail -n +2 > /tmp/probe-in.jsonl
  npx tsx src/cli/main.ts detect < /tmp/probe-in.jsonl 2>/dev/null | node -e "
const out=require('fs').readFileSync(0,'utf8').trim().split('\n').map(JSON.parse);
const inp=require('fs').readFileSync('/tmp/probe-in.jsonl','utf8').trim().split('\n').map(JSON.parse);
out.forEach((r,i)=>{const t=inp[i].turns;
 console.log(r.id.padEnd(24), t.map((x,j)=>[x,j]).filter(([x,j])=>j>=3&&j<t.length-1).map(([x,j])=>{const ps=r.entities.filter(e=>e.turn===j);
  return (x.speaker==='agent'?'a:':'c:')+(ps.length?'['+ps.map(e=>x.text.slice(e.start,e.end)).join('|')+']':(x.speaker==='customer'?'MISS('+x.text+')':x.text))}).join('  '))})"
done
