package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.ipmi.fru.FruBytes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The FRU multi-record area (power supply, DC output, management access) read from ipmi_sim by the fru
 * module, field by field against FreeIPMI's ipmi-fru (ipmitool 1.8.19's {@code fru print} shows no
 * multi-records without -v). Device 1 holds the same image with one record's data checksum broken.
 */
@Tag("interop")
class FruMultiRecordAgainstIpmiSimTest {
    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(FruMultiRecordAgainstIpmiSimTest::fruBmc, "ipmi-fru");

    private static IpmiSim bmc() {
        return PEER.bmc();
    }

    /** FRU 0 with power supply, DC output and management access records; FRU 1 the same with a bad checksum. */
    private static IpmiSim fruBmc() {
        byte[] broken = FruBytes.withPowerSupply();
        broken[broken.length - 20] ^= 0x10;
        return IpmiSim.builder().address("127.42.1.2").fru(0, FruBytes.withPowerSupply()).fru(1, broken).build();
    }


    @Test
    @SuppressWarnings("unchecked")
    void multiRecordsEqualIpmiFru() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new FruModule(), Map.of()).result();
        assertEquals(List.of(), r.get("warnings"));
        List<Map<String, Object>> recs = (List<Map<String, Object>>) r.get("multi_records");
        assertEquals(List.of("power_supply", "dc_output", "management_access"),
                recs.stream().map(m -> m.get("type")).toList());
        Map<String, String> fi = IpmiSimModules.keyValues(bmc().freeipmi("ipmi-fru", "--device-id=0").stdout());
        Map<String, Object> ps = recs.get(0);
        assertEquals(fi.get("FRU Power Supply Overall Capacity"), ps.get("capacity_watts") + " Watts");
        assertEquals(fi.get("FRU Power Supply Max Inrush Current"), ps.get("inrush_amps") + " Amps");
        assertEquals(fi.get("FRU Power Supply Inrush Interval"), ps.get("inrush_millis") + " ms");
        List<Double> range1 = (List<Double>) ps.get("input_voltage_range_1");
        assertEquals(fi.get("FRU Power Supply Low End Input Voltage 1"), millis(range1.get(0)) + " mV");
        assertEquals(fi.get("FRU Power Supply High End Input Voltage 1"), millis(range1.get(1)) + " mV");
        List<Integer> hz = (List<Integer>) ps.get("input_frequency_hz");
        assertEquals(fi.get("FRU Power Supply Low End Acceptable Frequency"), hz.get(0) + " Hz");
        assertEquals(fi.get("FRU Power Supply High End Acceptable Frequency"), hz.get(1) + " Hz");
        assertEquals(fi.get("FRU Power Supply A/C Dropout Tolerance"), ps.get("dropout_tolerance_millis") + " ms");
        assertEquals(fi.get("FRU Power Supply Predictive Fail Support"), yesNo(ps.get("predictive_fail")));
        assertEquals(fi.get("FRU Power Supply Power Factor Correction Supported"),
                yesNo(ps.get("power_factor_correction")));
        assertEquals(fi.get("FRU Power Supply AutoSwitch Supprt"), yesNo(ps.get("autoswitch")));
        assertEquals(fi.get("FRU Power Supply Hot Swap Support"), yesNo(ps.get("hot_swap")));
        assertEquals(fi.get("FRU Power Supply Peak Capacity"), ps.get("peak_watts") + " Watts");
        assertEquals(fi.get("FRU Power Supply Hold Up Time"), ps.get("hold_up_seconds") + " s");
        List<String> volts = (List<String>) ps.get("combined_voltages");
        assertEquals(fi.get("FRU Power Supply Voltage 1"), volts.get(0));
        assertEquals(fi.get("FRU Power Supply Voltage 2"), volts.get(1));
        assertEquals(fi.get("FRU Power Supply Total Combined Wattage"), ps.get("combined_watts") + " Watts");
        // Peak VA FFFFh is "not specified" (§18.1): ipmi-fru prints it as 65535 VA, we leave the key out.
        assertEquals("65535 VA", fi.get("FRU Power Supply Peak VA"));
        assertEquals(null, ps.get("peak_va"));

        Map<String, Object> dc = recs.get(1);
        assertEquals(fi.get("FRU DC Output Output Number"), dc.get("output").toString());
        assertEquals(fi.get("FRU DC Output Output on Standy"), yesNo(dc.get("standby")));
        assertEquals(fi.get("FRU DC Output Nominal Voltage"), millis((Double) dc.get("nominal_volts")) + " mV");
        assertEquals(fi.get("FRU DC Output Maximum Negative Voltage Deviation"),
                millis((Double) dc.get("max_negative_volts")) + " mV");
        assertEquals(fi.get("FRU DC Output Maximum Positive Voltage Deviation"),
                millis((Double) dc.get("max_positive_volts")) + " mV");
        assertEquals(fi.get("FRU DC Output Ripple and Noise pk-pk"), dc.get("ripple_millivolts") + " mV");
        assertEquals(fi.get("FRU DC Output Minimum Current Draw"), millis((Double) dc.get("minimum_amps")) + " mA");
        assertEquals(fi.get("FRU DC Output Maximum Current Draw"), millis((Double) dc.get("maximum_amps")) + " mA");
        assertEquals(fi.get("FRU Management Access System Name"), recs.get(2).get("system_name"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBrokenRecordChecksumIsAWarningAndTheRestStillDecodes() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new FruModule(), Map.of("id", "1")).result();
        List<String> warnings = (List<String>) r.get("warnings");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("data checksum mismatch"), warnings.toString());
        assertEquals(3, ((List<?>) r.get("multi_records")).size());
        assertEquals("Acme Systems", ((Map<String, Object>) r.get("product")).get("manufacturer"));
    }

    private static long millis(double units) {
        return Math.round(units * 1000);
    }

    private static String yesNo(Object b) {
        return (Boolean) b ? "Yes" : "No";
    }
}
