#!/usr/bin/env python3
"""An Ansible inventory script as a CMDB export would be: `--list` prints every group and, under
_meta.hostvars, every host's variables at once (no `--host` calls needed). Here the "CMDB" is the table
below; a real script would ask its database or API. Works unchanged with ansible-inventory -i cmdb.py."""
import json
import sys

MACHINES = [  # name, BMC address, rack, role, BMC firmware
    ("r01-n01", "10.0.1.11", "rack01", "compute", "2.80"),
    ("r01-n02", "10.0.1.12", "rack01", "compute", "2.80"),
    ("r01-gpu1", "10.0.1.21", "rack01", "gpu", "2.75"),
    ("r02-n01", "10.0.2.11", "rack02", "compute", "2.80"),
    ("r02-stor1", "10.0.2.31", "rack02", "storage", "3.01"),
]


def inventory():
    groups = {"all": {"vars": {"ipmi_user": "admin", "ipmi_cipher_suite": 17}},
              "datacenter": {"children": ["rack01", "rack02"], "vars": {"site": "fra1"}}}
    hostvars = {}
    for name, address, rack, role, firmware in MACHINES:
        groups.setdefault(rack, {"hosts": []})["hosts"].append(name)
        groups.setdefault(role, {"hosts": []})["hosts"].append(name)
        hostvars[name] = {"ipmi_host": address, "expected_firmware": firmware, "slot": int(name[-1])}
    groups["_meta"] = {"hostvars": hostvars}
    return groups


if __name__ == "__main__":
    if len(sys.argv) == 2 and sys.argv[1] == "--list":
        print(json.dumps(inventory(), indent=2))
    elif len(sys.argv) == 3 and sys.argv[1] == "--host":
        print(json.dumps(inventory()["_meta"]["hostvars"].get(sys.argv[2], {})))
    else:
        sys.exit("usage: cmdb.py --list | --host HOST")
