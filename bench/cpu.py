"""CPU time, for benchmarks on a shared machine: the wall clock swings with other tenants' work (steal time),
the CPU time a piece of work needs much less. Used beside the wall-clock medians, never instead of them."""

from __future__ import annotations

import os
import resource

_TICK = os.sysconf("SC_CLK_TCK")


def own_cpu_ms() -> float:
    """CPU time (user + system) of this process, every thread, in ms."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return (usage.ru_utime + usage.ru_stime) * 1000


def descendants_cpu_ms() -> float:
    """CPU time (user + system) of every live process this one started, in ms: the converters' LibreOffice."""
    parents, cpu = {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue  # gone meanwhile
        parents[int(pid)], cpu[int(pid)] = int(fields[1]), int(fields[11]) + int(fields[12])
    total, generation = 0, {os.getpid()}
    while generation:
        generation = {pid for pid, parent in parents.items() if parent in generation}
        total += sum(cpu[pid] for pid in generation)
    return total * 1000 / _TICK
