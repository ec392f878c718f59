"""A BMC for interop tests: pyghmi's own BMC (pyghmi.ipmi.bmc.Bmc, Debian python3-pyghmi) with the power
state and the boot device kept in memory, as pyghmi's fakebmc sample does.

Usage: python3 pyghmi_bmc.py ADDRESS PORT USER < password
The password comes on stdin so it never appears in argv. Prints "ready" once the socket is bound, then one
line per state change ("power on", "bootdev network", ...) so a test can see what the BMC was asked to do.
"""

import sys

import pyghmi.ipmi.bmc as bmc


class MemoryBmc(bmc.Bmc):
    def __init__(self, authdata, port, address):
        super().__init__(authdata, port=port, address=address)
        self.powerstate = 'off'
        self.bootdevice = 'default'
        # Non-zero so that a test sees how Get Device ID carries them (pyghmi packs each into 4 bytes).
        self.mfgid = 10876
        self.prodid = 0x0907

    def log(self, line):
        print(line, flush=True)

    def get_boot_device(self):
        return self.bootdevice

    def set_boot_device(self, bootdevice):
        self.bootdevice = bootdevice
        self.log('bootdev ' + str(bootdevice))

    def cold_reset(self):
        self.log('cold reset')
        return 0

    def get_power_state(self):
        return self.powerstate

    def power_off(self):
        self.powerstate = 'off'
        self.log('power off')

    def power_on(self):
        self.powerstate = 'on'
        self.log('power on')

    def power_cycle(self):
        self.powerstate = 'on'
        self.log('power cycle')

    def power_reset(self):
        self.log('power reset')

    def power_shutdown(self):
        self.powerstate = 'off'
        self.log('power soft')

    def is_active(self):
        return self.powerstate == 'on'


def main():
    address, port, user = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    password = sys.stdin.readline().rstrip('\n')
    server = MemoryBmc({user: password}, port, address)
    print('ready', flush=True)
    server.listen()


if __name__ == '__main__':
    sys.exit(main())
