# Per Flink task thread: the project frames (inclusive) and the top self frames of `jfr print` output.
import sys, re, collections
txt=open(sys.argv[1]).read()
per=collections.defaultdict(collections.Counter); selfc=collections.defaultdict(collections.Counter); tot=collections.Counter()
for s in txt.split('jdk.ExecutionSample')[1:]:
    frames=re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line: (\d+)', s, re.M)
    m=re.search(r'sampledThread = "([^"]*)"', s)
    if not frames or not m: continue
    t=re.sub(r'\d+','#',m.group(1))[:40]; tot[t]+=1
    selfc[t][frames[0][0]]+=1
    seen=set()
    for f,l in frames:
        if f.startswith('kz.') and f not in seen: seen.add(f); per[t][f]+=1
for t,n in tot.most_common(4):
    print('=====',t,n)
    for k,c in per[t].most_common(12): print(f'  {c*100/n:5.1f}% {k}')
    print('  -- self')
    for k,c in selfc[t].most_common(8): print(f'  {c*100/n:5.1f}% {k}')
