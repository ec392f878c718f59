package io.ipmirunner.modules;

import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.sdr.SdrDecoder;
import io.ipmirunner.ipmi.sdr.SdrReader;
import io.ipmirunner.ipmi.sdr.SdrRecord;
import io.ipmirunner.ipmi.sdr.SensorNames;
import io.ipmirunner.ipmi.sel.EventText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code sensors}: every full and compact sensor record of the SDR repository with its current reading (one
 * sensor per instance of a shared compact or event-only record), event-only sensors (no reading: status
 * "event-only"), and the FRU and management controller device locators as {@code fru_devices} and
 * {@code controllers}.
 */
public final class SensorsModule implements Module<NoArgs> {
    /** The BMC's own IPMB address: sensors owned by other controllers would need bridging. */
    private static final int BMC_ADDRESS = 0x20;
    static final String NOT_AVAILABLE = "not available";

    @Override
    public String name() {
        return "sensors";
    }

    @Override
    public NoArgs validate(Map<String, String> args) throws ModuleArgumentException {
        return NoArgs.require(name(), args);
    }

    @Override
    public ModuleResult run(Bmc bmc, NoArgs none) throws IpmiException {
        List<Map<String, Object>> sensors = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        List<Map<String, Object>> fruDevices = new ArrayList<>();
        List<Map<String, Object>> controllers = new ArrayList<>();
        for (byte[] bytes : SdrReader.readAll(bmc)) {
            for (SdrRecord record : SdrDecoder.decodeAll(bytes)) {
                switch (record) {
                    case SdrRecord.Sensor s -> sensors.add(sensor(s, reading(bmc, s)));
                    case SdrRecord.EventOnly e -> sensors.add(SdrDevices.eventOnly(e));
                    case SdrRecord.FruLocator f -> fruDevices.add(SdrDevices.fru(f));
                    case SdrRecord.McLocator m -> controllers.add(SdrDevices.controller(m));
                    case SdrRecord.Raw r when r.defect() != null -> warnings.add("SDR %d: %s".formatted(r.recordId(),
                            r.defect()));
                    case SdrRecord.Raw r -> { }
                }
            }
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sensors", sensors);
        result.put("fru_devices", fruDevices);
        result.put("controllers", controllers);
        result.put("warnings", warnings);
        return new ModuleResult(false, result);
    }

    /** Null when the sensor cannot be read: absent, owned elsewhere, or refused with a completion code. */
    private static SensorReading reading(Bmc bmc, SdrRecord.Sensor s) throws IpmiException {
        if (s.ownerId() != BMC_ADDRESS || s.ownerLun() != 0) {
            return null;
        }
        try {
            return bmc.send(Commands.GET_SENSOR_READING, new SensorReading.Request(s.number()));
        } catch (IpmiException.CompletionCodeError e) {
            return null;
        }
    }

    static Map<String, Object> sensor(SdrRecord.Sensor s, SensorReading r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("number", s.number());
        m.put("type", SensorNames.type(s.sensorType()));
        // §35.14: "reading unavailable" or scanning disabled means byte 1 holds no reading.
        boolean available = r != null && !r.unavailable() && r.scanning();
        Optional<BigDecimal> v = available && s.threshold() ? s.conversion().decimal(r.raw()) : Optional.empty();
        m.put("value", v.map(SensorsModule::number).orElse(null));
        m.put("unit", s.threshold() ? unit(s) : "discrete");
        m.put("status", !available ? NOT_AVAILABLE : s.threshold() ? thresholdStatus(r.state())
                : r.discreteStates() == 0 ? "ok" : "0x%04x".formatted(r.discreteStates()));
        if (!s.threshold()) {
            m.put("states", available ? states(s, r.discreteStates()) : List.of());
        }
        return m;
    }

    /** The asserted states of a discrete sensor, in the specification's words (Table 42-2, 42-3). */
    private static List<String> states(SdrRecord.Sensor s, int asserted) {
        List<String> names = new ArrayList<>();
        for (int offset = 0; offset < 15; offset++) {
            if ((asserted & 1 << offset) != 0) {
                names.add(EventText.offset(s.eventReadingType(), s.sensorType(), offset));
            }
        }
        return names;
    }

    /** A whole number as a long, else a double: the two number forms the journal keeps. */
    private static Object number(BigDecimal b) {
        return b.scale() <= 0 ? (Object) b.longValueExact() : (Object) b.doubleValue();
    }

    /** §43.1 byte 21: bits 2:1 say whether the modifier unit divides (01b) or multiplies (10b) the base. */
    private static String unit(SdrRecord.Sensor s) {
        String base = (s.percentage() ? "% " : "") + SensorNames.unit(s.baseUnit());
        return switch (s.modifierUse()) {
            case 1 -> base + "/" + SensorNames.unit(s.modifierUnit());
            case 2 -> base + "*" + SensorNames.unit(s.modifierUnit());
            default -> base;
        };
    }

    /** Table 35-15 byte 3, the most severe comparison that holds, in ipmitool's words. */
    static String thresholdStatus(int state) {
        String[] words = {"lnc", "lcr", "lnr", "unc", "ucr", "unr"};
        for (int bit : new int[] {5, 2, 4, 1, 3, 0}) {
            if ((state & 1 << bit) != 0) {
                return words[bit];
            }
        }
        return "ok";
    }
}
