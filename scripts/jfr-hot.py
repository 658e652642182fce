#!/usr/bin/env python3
"""Summarises a JDK Flight Recording's CPU samples: where the time goes, per thread group, self and inclusive.

    jfr print --events jdk.ExecutionSample --stack-depth 64 rec.jfr > samples.txt
    scripts/jfr-hot.py samples.txt [thread-name-substring] [from-HH:MM:SS]

Used for docs/performance.md: a method's "inclusive" share is the share of samples with the method anywhere on
the stack, "self" the share with it on top.
"""
import collections
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
thread_filter = sys.argv[2] if len(sys.argv) > 2 else ""
since = sys.argv[3] if len(sys.argv) > 3 else ""
self_count, inclusive, threads = collections.Counter(), collections.Counter(), collections.Counter()
total = 0
for event in text.split("jdk.ExecutionSample {")[1:]:
    thread = re.search(r'sampledThread = "([^"]*)"', event)
    start = re.search(r"startTime = ([0-9:.]+)", event)
    name = thread.group(1) if thread else "?"
    if thread_filter not in name or (since and start and start.group(1) < since):
        continue
    frames = re.findall(r"^\s+([\w$.<>/]+)\(", event, re.M)
    if not frames:
        continue
    total += 1
    threads[re.sub(r"\d+", "N", name)] += 1
    self_count[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1
print(f"{total} samples")
print("threads:", ", ".join(f"{t} {c * 100 / total:.0f}%" for t, c in threads.most_common(8)))
print("--- self")
for frame, count in self_count.most_common(20):
    print(f"{count * 100 / total:5.1f}%  {frame}")
print("--- inclusive (project code and the layers it calls)")
keys = ("openoqs", "springframework.security", "jdbc", "h2.", "postgresql", "ssl.", "jackson", "Hikari",
        "tomcat", "logback")
for frame, count in inclusive.most_common(600):
    if any(k in frame for k in keys) and count * 100 / total >= 1.0:
        print(f"{count * 100 / total:5.1f}%  {frame}")
