# Shared by the benchmarks: the CPU time (user + system, clock ticks) a process has used so far, to
# report what a request costs it. Steadier than req/s on a shared machine: a neighbour that takes the
# cores lowers the req/s of the rounds it runs in, but hardly what each request costs.
#   . src/bench/cpu.sh; before=$(cpu_ticks PID) ... after=$(cpu_ticks PID); seconds = ticks / ticks_per_second
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
ticks_per_second=$(getconf CLK_TCK)
