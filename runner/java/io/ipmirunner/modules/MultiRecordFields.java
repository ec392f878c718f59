package io.ipmirunner.modules;

import io.ipmirunner.ipmi.fru.MultiRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The fru result's {@code multi_records}: one map per record, its {@code type} in words first. */
final class MultiRecordFields {
    /** §18.1 Table 18-1 combined wattage voltage codes. */
    private static final List<String> VOLTAGES = List.of("12V", "-12V", "5V", "3.3V");

    private MultiRecordFields() {}

    static Map<String, Object> of(MultiRecord record) {
        Map<String, Object> m = new LinkedHashMap<>();
        switch (record) {
            case MultiRecord.PowerSupply p -> {
                m.put("type", "power_supply");
                m.put("capacity_watts", p.capacityWatts());
                putIfSet(m, "peak_va", p.peakVa());
                putIfSet(m, "inrush_amps", p.inrushAmps());
                putIfSet(m, "inrush_millis", p.inrushMillis());
                m.put("input_voltage_range_1", List.of(p.inputLow1(), p.inputHigh1()));
                m.put("input_voltage_range_2", List.of(p.inputLow2(), p.inputHigh2()));
                m.put("input_frequency_hz", List.of(p.frequencyLowHz(), p.frequencyHighHz()));
                m.put("dropout_tolerance_millis", p.dropoutToleranceMillis());
                m.put("predictive_fail", p.predictiveFail());
                m.put("power_factor_correction", p.powerFactorCorrection());
                m.put("autoswitch", p.autoswitch());
                m.put("hot_swap", p.hotSwap());
                m.put("peak_watts", p.peakWatts());
                m.put("hold_up_seconds", p.holdUpSeconds());
                m.put("combined_voltages", List.of(voltage(p.combinedVoltage1()), voltage(p.combinedVoltage2())));
                m.put("combined_watts", p.combinedWatts());
            }
            case MultiRecord.DcOutput d -> {
                m.put("type", "dc_output");
                m.put("output", d.output());
                m.put("standby", d.standby());
                m.put("nominal_volts", d.nominalVolts());
                m.put("max_negative_volts", d.maxNegativeVolts());
                m.put("max_positive_volts", d.maxPositiveVolts());
                m.put("ripple_millivolts", d.rippleMillivolts());
                m.put("minimum_amps", d.minimumAmps());
                m.put("maximum_amps", d.maximumAmps());
            }
            case MultiRecord.ManagementAccess a -> {
                m.put("type", "management_access");
                m.put(a.subType(), a.value());
            }
            case MultiRecord.Other o -> {
                m.put("type", "0x%02x".formatted(o.type()));
                m.put("data", o.dataHex());
            }
        }
        return m;
    }

    private static String voltage(int code) {
        return code < VOLTAGES.size() ? VOLTAGES.get(code) : "0x%x".formatted(code);
    }

    private static void putIfSet(Map<String, Object> m, String key, Integer v) {
        if (v != null) {
            m.put(key, v);
        }
    }
}
