#!/usr/bin/env python3
"""Turns the raw files of one bench/fleet-bench run into results.json, results.md and makespan.svg.

Standard library only. Per tool run (DIR/TOOL/nN/): meta, wall (start end rc), stdout (each line stamped
with its arrival time), stderr, time.txt (GNU time -v), samples (descriptors, RSS kB; summed over the
process tree every 250 ms), sim.out / sim.err (the fleet's ready line and datagram counts).
"""
import json
import math
import re
import statistics
import struct
import sys
from pathlib import Path

# Round trips of the smallest RMCP+ power status: Get Channel Authentication Capabilities, Open Session,
# RAKP 1/2 (the slow one, counted as the RAKP latency), RAKP 3/4, Get Chassis Status, Close Session.
FAST_ROUND_TRIPS = 5

SUCCESS = {
    "exec": re.compile(r"^(\S+) \| (?:OK|CHANGED) \|"),
    "exec-fru": re.compile(r"^(\S+) \| (?:OK|CHANGED) \|"),
    "play": re.compile(r"^(?:ok|changed): \[(\S+)\]"),
    "ipmipower": re.compile(r"^(\S+): (?:on|off)$"),
    "ipmi-fru": re.compile(r"^(\S+):\s+FRU Product Serial Number"),
    "ipmitool": re.compile(r"^(\S+) rc=0 .*Chassis Power is (?:on|off)"),
    "ansible": re.compile(r"^(?:ok|changed): \[(\S+)\]"),
}
POWER_STATUS = ["exec", "play", "ipmipower", "ipmipower-tuned", "ipmipower-F256", "ipmipower-F256x2", "ipmitool-P64", "ipmitool-P256",
                "ansible-f5", "ansible-f50"]


def family(tool):
    for k in ("exec-fru", "exec", "play", "ipmipower", "ipmi-fru", "ipmitool", "ansible"):
        if tool.startswith(k):
            return k
    return tool


def gnu_time(path):
    out = {}
    if not path.exists():
        return 0.0, 0
    for line in path.read_text().splitlines():
        k, _, v = line.strip().rpartition(": ")
        out[k] = v
    cpu = float(out.get("User time (seconds)", 0)) + float(out.get("System time (seconds)", 0))
    return cpu, int(out.get("Maximum resident set size (kbytes)", 0))


def percentile(values, p):
    if not values:
        return None
    v = sorted(values)
    return v[min(len(v) - 1, max(0, math.ceil(p / 100 * len(v)) - 1))]


LOGIN_KINDS = {0x10: "open", 0x12: "rakp1", 0x14: "rakp3"}  # RMCP+ payload types of the requests (§13.27.3)


def login_resends(pcap):
    """From a capture (fleet-bench --capture): login requests a tool sent again to a BMC that answered more than one
    copy of them, i.e. the answer to the first was on its way when the copy went: spurious. Counted for Get Channel
    Authentication Capabilities (a v1.5 pre-session message), Open Session, RAKP 1 and RAKP 3, one exchange of
    each per login; session messages are encrypted and cannot be matched. An Open Session sent again after a
    refusal (cipher suite 17 refused, then 3) counts too."""
    if not pcap.exists():
        return None
    data = pcap.read_bytes()
    sent, answered = {}, {}
    i = 24
    while i + 16 <= len(data):
        _, _, incl, _ = struct.unpack("<IIII", data[i:i + 16])
        frame = data[i + 16:i + 16 + incl]
        i += 16 + incl
        ip = frame[14:]
        udp = ip[(ip[0] & 15) * 4:]
        if len(udp) < 21:
            continue
        sport, dport = struct.unpack(">HH", udp[:4])
        p = udp[8:]
        request = dport == 623
        host = bytes(ip[16:20] if request else ip[12:16])
        if p[4] == 0x06:
            kind = LOGIN_KINDS.get((p[5] & 0x3f) & ~1)
        else:
            kind = "caps" if p[9:13] == b"\0\0\0\0" else None
        if kind:
            table = sent if request else answered
            table[(host, kind)] = table.get((host, kind), 0) + 1
    return sum(max(0, min(n, answered.get(k, 0)) - 1) for k, n in sent.items())


def one_run(d):
    tool, n = (d / "meta").read_text().split()
    n = int(n)
    start, end, rc = (d / "wall").read_text().split()
    start, end = float(start), float(end)
    pattern = SUCCESS[family(tool)]
    done = {}
    for line in (d / "stdout").read_text(errors="replace").splitlines():
        stamp, _, text = line.partition(" ")
        m = pattern.match(text)
        if m and m.group(1) not in done:
            done[m.group(1)] = float(stamp) - start
    ready = (d / "sim.out").read_text()
    dead = int(re.search(r"(\d+) unreachable", ready).group(1)) if "unreachable" in ready else 0
    sim = (d / "sim.err").read_text() if (d / "sim.err").exists() else ""
    m = re.search(r"(\d+) datagrams in", sim)
    datagrams = int(m.group(1)) if m else None
    stderr = (d / "stderr").read_text(errors="replace")
    m = re.search(r"retransmits (\d+)", stderr)
    cpu, maxrss = gnu_time(d / "time.txt")
    fds, rss = 0, 0
    if (d / "samples").exists():
        for line in (d / "samples").read_text().splitlines():
            a, b = line.split()
            fds, rss = max(fds, int(a)), max(rss, int(b))
    times = list(done.values())
    live = n - dead
    return {
        "tool": tool, "n": n, "dead": dead, "exit_code": int(rc),
        "makespan_s": round(end - start, 3),
        "host_p50_s": round(percentile(times, 50), 3) if times else None,
        "host_p99_s": round(percentile(times, 99), 3) if times else None,
        "succeeded": len(done), "live": live,
        "success_rate": round(len(done) / live, 4) if live else None,
        "retransmits": int(m.group(1)) if m else None,
        "spurious_login_resends": login_resends(d / "cap.pcap"),
        "datagrams_per_host": round(datagrams / n, 2) if datagrams is not None else None,
        "cpu_s": round(cpu, 2),
        "peak_rss_mb": round(max(rss, maxrss) / 1024, 1),
        "peak_fds": fds,
    }


def svg(rows, path):
    tools = sorted({r["tool"] for r in rows})
    ns = sorted({r["n"] for r in rows})
    ys = [r["makespan_s"] for r in rows if r["makespan_s"] > 0]
    if not ys:
        return
    w, h, left, bottom, top, right = 760, 440, 70, 50, 20, 190
    lo_x, hi_x = math.log10(min(ns)) - 0.1, math.log10(max(ns)) + 0.1
    lo_y, hi_y = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    hi_y = max(hi_y, lo_y + 1)
    def x(n):
        return left + (math.log10(n) - lo_x) / (hi_x - lo_x) * (w - left - right)
    def y(v):
        return h - bottom - (math.log10(v) - lo_y) / (hi_y - lo_y) * (h - top - bottom)
    colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
              "#bcbd22", "#17becf", "#000000"]
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="sans-serif" font-size="12">',
           f'<rect width="{w}" height="{h}" fill="white"/>',
           f'<text x="{left}" y="14">makespan (s, log) vs fleet size N (log)</text>']
    for e in range(lo_y, hi_y + 1):
        yy = y(10 ** e)
        out.append(f'<line x1="{left}" x2="{w - right}" y1="{yy:.1f}" y2="{yy:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 8}" y="{yy + 4:.1f}" text-anchor="end">{10 ** e:g}</text>')
    for n in ns:
        out.append(f'<text x="{x(n):.1f}" y="{h - bottom + 18}" text-anchor="middle">{n}</text>')
    for i, t in enumerate(tools):
        pts = sorted((r["n"], r["makespan_s"]) for r in rows if r["tool"] == t and r["makespan_s"] > 0)
        c = colors[i % len(colors)]
        if len(pts) > 1:
            d = " ".join(f"{x(n):.1f},{y(v):.1f}" for n, v in pts)
            out.append(f'<polyline points="{d}" fill="none" stroke="{c}" stroke-width="2"/>')
        for n, v in pts:
            out.append(f'<circle cx="{x(n):.1f}" cy="{y(v):.1f}" r="3.5" fill="{c}"/>')
        ly = top + 16 * i + 10
        out.append(f'<rect x="{w - right + 12}" y="{ly - 9}" width="12" height="10" fill="{c}"/>')
        out.append(f'<text x="{w - right + 30}" y="{ly}">{t}</text>')
    out.append("</svg>")
    path.write_text("\n".join(out) + "\n")


def bars(rows, params, jvm_start_s, jvm_cpu_s):
    by = {(r["tool"], r["n"]): r for r in rows}
    out = []
    for n in sorted({r["n"] for r in rows}):
        ours = by.get(("exec", n))
        if not ours:
            continue
        def ratio(tool):
            other = by.get((tool, n))
            return round(other["makespan_s"] / ours["makespan_s"], 2) if other else None
        pp = [by[(t, n)] for t in ("ipmipower", "ipmipower-tuned", "ipmipower-F256", "ipmipower-F256x2") if (t, n) in by]
        # Its best setting: the most hosts answered first, then the shortest makespan.
        best = min(pp, key=lambda r: (-(r["success_rate"] or 0), r["makespan_s"])) if pp else None
        cpu_per_host = max(0.0, ours["cpu_s"] - jvm_cpu_s) / n
        bound = (FAST_ROUND_TRIPS * params["latency"] + params["rakp"]) / 1000 + cpu_per_host * n / params["cores"]
        out.append({
            "n": n,
            "exec_makespan_s": ours["makespan_s"],
            "ipmipower_best": best["tool"] if best else None,
            "ipmipower_best_success": best["success_rate"] if best else None,
            "x_vs_ipmipower_best": round(best["makespan_s"] / ours["makespan_s"], 2) if best else None,
            "x_vs_ipmitool_P256": ratio("ipmitool-P256"),
            "x_vs_ansible_f50": ratio("ansible-f50"),
            "lower_bound_s": round(bound, 3),
            "lower_bound_plus_jvm_s": round(bound + jvm_start_s, 3),
            "x_of_bound_plus_jvm": round(ours["makespan_s"] / (bound + jvm_start_s), 2),
            "exec_cpu_per_host_ms": round(cpu_per_host * 1000, 3),
            "exec_success_rate": ours["success_rate"],
        })
    return out


def fmt(v):
    return "n/a" if v is None else str(v)


def main(outdir):
    out = Path(outdir)
    params = {}
    for line in (out / "params").read_text().splitlines():
        k, _, v = line.partition("=")
        params[k] = float(v) if k != "cores" else int(v)
    starts = [tuple(map(float, l.split())) for l in (out / "jvm-start.txt").read_text().splitlines()
              if re.match(r"^[0-9.]+ [0-9.]+ [0-9.]+$", l)]
    jvm_start_s = statistics.median(s[0] for s in starts)
    jvm_cpu_s = statistics.median(s[1] + s[2] for s in starts)
    rows = [one_run(m.parent) for m in sorted(out.glob("*/n*/meta"))]
    rows.sort(key=lambda r: (r["n"], r["tool"]))
    capped = (out / "capped").read_text().split("\n") if (out / "capped").exists() else []
    unavailable = (out / "unavailable").read_text().split() if (out / "unavailable").exists() else []
    b = bars(rows, params, jvm_start_s, jvm_cpu_s)
    result = {"params": params, "jvm_start_s": jvm_start_s, "jvm_start_cpu_s": jvm_cpu_s, "runs": rows,
              "bars": b, "capped": [c for c in capped if c], "unavailable": sorted(set(unavailable))}
    (out / "results.json").write_text(json.dumps(result, indent=2) + "\n")
    cols = ["tool", "n", "makespan_s", "host_p50_s", "host_p99_s", "success_rate", "succeeded", "live",
            "retransmits", "spurious_login_resends", "datagrams_per_host", "cpu_s", "peak_rss_mb", "peak_fds", "exit_code"]
    md = [f"# Fleet benchmark, {out.name}", "",
          f"Fleet: latency {params['latency']:g} ms, RAKP latency {params['rakp']:g} ms, loss {params['loss']:g}, "
          f"dead {params['dead']:g}; {params['cores']} cores. JVM start (`ipmi-runner --version`, median of 5): "
          f"{jvm_start_s:.2f} s wall, {jvm_cpu_s:.2f} s CPU.", "",
          "| " + " | ".join(cols) + " |", "|" + "---|" * len(cols)]
    for r in rows:
        md.append("| " + " | ".join(fmt(r[c]) for c in cols) + " |")
    if b:
        md += ["", "## The bar (`exec all power status`, JVM start included)", "",
               "| " + " | ".join(b[0].keys()) + " |", "|" + "---|" * len(b[0])]
        for r in b:
            md.append("| " + " | ".join(fmt(v) for v in r.values()) + " |")
    if result["capped"]:
        md += ["", "Not run (above the tool's cap): " + ", ".join(result["capped"])]
    if result["unavailable"]:
        md += ["", "Not installed here: " + ", ".join(result["unavailable"])]
    (out / "results.md").write_text("\n".join(md) + "\n")
    svg([r for r in rows if r["tool"] in POWER_STATUS or r["tool"] == "exec"], out / "makespan.svg")
    print("\n".join(md))


if __name__ == "__main__":
    main(sys.argv[1])
