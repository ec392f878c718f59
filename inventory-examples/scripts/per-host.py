#!/usr/bin/env python3
"""An older-style Ansible inventory script: `--list` prints the groups only (no _meta), so each host's
variables come from `--host HOST`, one call per host, as Ansible does for such scripts. Groups are written
both ways Ansible allows: a bare list of hosts, and an object with hosts, vars and children."""
import json
import sys

GROUPS = {
    "spares": ["spare-1", "spare-2"],
    "lab": {"hosts": ["lab-bmc1"], "vars": {"ipmi_timeout": 30}, "children": ["spares"]},
}
HOSTVARS = {
    "spare-1": {"ipmi_host": "192.168.50.11", "ipmi_port": 6230},
    "spare-2": {"ipmi_host": "192.168.50.12", "ipmi_port": 6230},
    "lab-bmc1": {"ipmi_host": "192.168.50.2", "ipmi_version": "1.5"},
}

if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print(json.dumps(GROUPS))
    elif len(sys.argv) == 3 and sys.argv[1] == "--host":
        print(json.dumps(HOSTVARS.get(sys.argv[2], {})))
    else:
        sys.exit("usage: per-host.py --list | --host HOST")
