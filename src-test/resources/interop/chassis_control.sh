#!/bin/sh
# chassis_control program for one ipmi_sim instance of the IpmiSim test fixture.
#
# ipmi_sim runs it through popen() as
#   chassis_control get power boot ...      -> must print one "name:value" line per name
#   chassis_control set power "1" ...        -> name/value pairs (ipmi_sim quotes the values)
# Power cycle needs nothing here: ipmi_sim itself sends "set power 0", then "set power 1" a second later.
#
# The state lives in files next to this script so that tests can read and change it directly:
#   power        0 or 1
#   boot         none | pxe | default | cdrom | bios   (ipmi_sim's names for the boot device selector)
#   chassis.log  one line per "set" call, oldest first
dir=$(dirname "$0")

# Write through a temporary file and rename, so a test reading concurrently never sees an empty file.
put() {
    printf '%s\n' "$2" > "$dir/.$1.tmp" && mv -f "$dir/.$1.tmp" "$dir/$1"
}

get() {
    if [ -f "$dir/$1" ]; then cat "$dir/$1"; else echo "$2"; fi
}

op=$1
shift
case "$op" in
get)
    for name in "$@"; do
        case "$name" in
        power) echo "power:$(get power 0)" ;;
        boot) echo "boot:$(get boot none)" ;;
        *) echo "$name:$(get "$name" 0)" ;;
        esac
    done
    ;;
set)
    while [ $# -ge 2 ]; do
        case "$1" in
        power) put power "$2" ;;
        boot) put boot "$2" ;;
        shutdown) put power 0 ;;   # soft power off (ACPI): the host goes down
        reset) put resets $(( $(get resets 0) + 1 )) ;;
        *) put "$1" "$2" ;;
        esac
        # Logged after the state changed: a test that sees the line can rely on the state files.
        echo "$1 $2" >> "$dir/chassis.log"
        shift 2
    done
    ;;
*)
    echo "usage: $0 get|set ..." >&2
    exit 1
    ;;
esac
exit 0
