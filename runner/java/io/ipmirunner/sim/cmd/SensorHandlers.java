package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.dcmi.Dcmi;
import io.ipmirunner.ipmi.command.sensor.SensorReading;
import io.ipmirunner.ipmi.command.sensor.SensorThresholds;
import io.ipmirunner.sim.model.SelLog;
import io.ipmirunner.sim.model.SensorDef;

/**
 * Get Sensor Reading (IPMI v2.0 §35.14), Get Sensor Thresholds (§35.9) and the DCMI power commands
 * (DCMI v1.5 §6.1, §6.6.1).
 */
final class SensorHandlers {
    private static final long DCMI_PERIOD_MILLIS = 3_600_000;
    private static final int DCMI_SAMPLES = 60;

    private SensorHandlers() {}

    static Answer reading(CommandContext c, SensorReading.Request q) {
        return c.bmc().sensorReading(q.sensorNumber(), c.now()).map(Answer::ok).orElse(Answer.NOT_PRESENT);
    }

    /** The thresholds from the sensor's definition, raw; the ones it lacks read 0 and are masked out. */
    static Answer thresholds(CommandContext c, SensorReading.Request q) {
        for (SensorDef s : c.bmc().sensors()) {
            if (s.number() == q.sensorNumber()) {
                return Answer.ok(new SensorThresholds(s.thresholdMask(), s.raw(s.lnc()), s.raw(s.lc()),
                        s.raw(s.lnr()), s.raw(s.unc()), s.raw(s.uc()), s.raw(s.unr())));
            }
        }
        return Answer.NOT_PRESENT;
    }

    /**
     * DCMI v1.5 §6.1 Tables 6-3..6-7, parameter revision 02h: 1 supported capabilities (power management;
     * out-of-band access on the primary LAN channel), 2 mandatory platform attributes (SEL size, no
     * rollover; identification and temperature bytes are reserved at revision 02h), 3 optional platform
     * attributes (power management on the BMC itself, 20h, channel 0), 4 manageability access (LAN channel
     * 1, no secondary LAN, no serial), 5 enhanced power statistics (no rolling averages beyond the basic one).
     */
    static Answer dcmiCapabilities(CommandContext c, Dcmi.CapabilitiesRequest q) {
        byte[] data = switch (q.parameter()) {
            case 1 -> new byte[] {0x00, 0x01, 0x08};
            case 2 -> new byte[] {(byte) SelLog.CAPACITY, (byte) (SelLog.CAPACITY >> 8 & 0x0f), 0x00, 0x00};
            case 3 -> new byte[] {0x20, 0x00};
            case 4 -> new byte[] {AppHandlers.LAN_CHANNEL, (byte) 0xFF, (byte) 0xFF};
            case 5 -> new byte[] {0x00};
            default -> null;
        };
        return data == null ? Answer.INVALID_FIELD : Answer.ok(new Dcmi.Capabilities(0x01, 0x05, 0x02, data));
    }

    /**
     * System power statistics over the last hour, sampled every minute of the pure sensor function with the
     * power state of that minute: an hour that saw a power-off has its minimum near zero.
     */
    static Answer powerReading(CommandContext c, Dcmi.PowerReadingRequest q) {
        if (q.mode() != Dcmi.MODE_SYSTEM_POWER_STATISTICS) {
            return Answer.INVALID_FIELD;
        }
        double now = c.bmc().systemWatts(c.now());
        if (Double.isNaN(now)) {
            return Answer.NOT_PRESENT;
        }
        double min = now;
        double max = now;
        double sum = 0;
        for (int i = 0; i < DCMI_SAMPLES; i++) {
            // Each past minute with the power state the host had then.
            double w = c.bmc().systemWatts(c.now() - i * (DCMI_PERIOD_MILLIS / DCMI_SAMPLES));
            min = Math.min(min, w);
            max = Math.max(max, w);
            sum += w;
        }
        return Answer.ok(new Dcmi.PowerReading((int) Math.round(now), (int) Math.round(min), (int) Math.round(max),
                (int) Math.round(sum / DCMI_SAMPLES), (int) (c.now() / 1000), (int) DCMI_PERIOD_MILLIS,
                Dcmi.MEASUREMENT_ACTIVE));
    }
}
