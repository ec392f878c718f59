package io.ipmirunner.modules;

import io.ipmirunner.ipmi.sdr.SdrRecord;
import io.ipmirunner.ipmi.sdr.SensorNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The sensors result's rows for event-only sensors and device locator records (IPMI v2.0 §43.3, §43.9-10). */
final class SdrDevices {
    static final String EVENT_ONLY = "event-only";
    /** §43.10 Table 43-8 byte 9, bit 0 upwards. */
    private static final List<String> CAPABILITIES = List.of("sensor", "sdr_repository", "sel", "fru_inventory",
            "ipmb_event_receiver", "ipmb_event_generator", "bridge", "chassis");

    private SdrDevices() {}

    /** Same keys as a reading sensor; an event-only sensor has no value to report. */
    static Map<String, Object> eventOnly(SdrRecord.EventOnly e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("number", e.number());
        m.put("type", SensorNames.type(e.sensorType()));
        m.put("value", null);
        m.put("unit", "discrete");
        m.put("status", EVENT_ONLY);
        return m;
    }

    static Map<String, Object> fru(SdrRecord.FruLocator f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put(f.logical() ? "fru_id" : "slave_address", f.fruId());
        m.put("logical", f.logical());
        m.put("controller_address", f.accessAddress());
        m.put("channel", f.channel());
        m.put("device_type", f.deviceType());
        m.put("entity", entity(f.entityId(), f.entityInstance()));
        return m;
    }

    static Map<String, Object> controller(SdrRecord.McLocator c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("address", c.address());
        m.put("channel", c.channel());
        List<String> caps = new ArrayList<>();
        for (int bit = 0; bit < CAPABILITIES.size(); bit++) {
            if ((c.capabilities() & 1 << bit) != 0) {
                caps.add(CAPABILITIES.get(bit));
            }
        }
        m.put("capabilities", caps);
        m.put("entity", entity(c.entityId(), c.entityInstance()));
        return m;
    }

    /** "id.instance" as ipmitool prints it (e.g. 7.1 for the system board). */
    private static String entity(int id, int instance) {
        return id + "." + (instance & 0x7f);
    }
}
