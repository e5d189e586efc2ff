# Aggregates `jfr print --events jdk.ExecutionSample --stack-depth 64 X.jfr > X.txt`: per thread, self and first project frame.
import sys, re, collections
txt=open(sys.argv[1]).read()
samples=txt.split('jdk.ExecutionSample')
top=collections.Counter(); incl=collections.Counter(); ours=collections.Counter(); thread=collections.Counter()
n=0
for s in samples[1:]:
    frames=re.findall(r'^\s+([\w$.<>]+)\(.*?\)\s+line: (\d+)', s, re.M)
    if not frames: continue
    n+=1
    m=re.search(r'sampledThread = "([^"]*)"', s)
    if m: thread[re.sub(r'\d+','#',m.group(1))[:70]]+=1
    top[frames[0][0]]+=1
    seen=set()
    for f,l in frames:
        if f not in seen:
            seen.add(f); incl[f]+=1
    for f,l in frames:
        if f.startswith('kz.'):
            ours[f+':'+l]+=1; break
print('samples',n)
print('--- threads'); [print(f'{c*100/n:5.1f}% {k}') for k,c in thread.most_common(15)]
print('--- self'); [print(f'{c*100/n:5.1f}% {k}') for k,c in top.most_common(30)]
print('--- first kz frame (line)'); [print(f'{c*100/n:5.1f}% {k}') for k,c in ours.most_common(30)]
print('--- inclusive'); [print(f'{c*100/n:5.1f}% {k}') for k,c in incl.most_common(80)]
