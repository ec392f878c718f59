package io.ipmirunner.modules;

import io.ipmirunner.ipmi.IpmiException;
import io.ipmirunner.ipmi.Phase;
import io.ipmirunner.ipmi.client.Bmc;
import io.ipmirunner.ipmi.command.Commands;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Finds a BMC's LAN channels: Get Channel Info (IPMI v2.0 §22.24) on channels 0-11 (12-13 are reserved,
 * 14 means "this one", 15 the system interface, Table 6-1), keeping those whose medium is 802.3 LAN. The
 * twelve requests go out together; channels that do not exist answer an error and are skipped.
 */
final class LanChannels {
    private static final int LAST_CHANNEL = 11;

    private LanChannels() {}

    static List<Integer> all(Bmc s) throws IpmiException {
        List<CompletableFuture<ChannelInfo>> asks = new ArrayList<>();
        for (int ch = 0; ch <= LAST_CHANNEL; ch++) {
            asks.add(s.sendAsync(Commands.GET_CHANNEL_INFO, new ChannelInfo.Request(ch)));
        }
        List<Integer> lan = new ArrayList<>();
        for (int ch = 0; ch <= LAST_CHANNEL; ch++) {
            ChannelInfo info;
            try {
                info = Bmc.await(asks.get(ch));
            } catch (IpmiException.CompletionCodeError absent) {
                continue;
            }
            if (info.medium() == ChannelInfo.MEDIUM_LAN) {
                lan.add(ch);
            }
        }
        return lan;
    }

    /** {@code given} when set, else the first LAN channel; fails when the BMC has none. */
    static int pick(Bmc s, Integer given) throws IpmiException {
        if (given != null) {
            return given;
        }
        List<Integer> lan = all(s);
        if (lan.isEmpty()) {
            throw new IpmiException.ProtocolError(s.host(), Phase.COMMAND,
                    "no channel with medium 802.3 LAN among channels 0-11 (give channel=N)");
        }
        return lan.getFirst();
    }

    /** Parses the optional {@code channel} argument (0-11). */
    static Integer parse(String module, String value) throws ModuleArgumentException {
        if (value == null) {
            return null;
        }
        try {
            int ch = Integer.decode(value);
            if (ch >= 0 && ch <= LAST_CHANNEL) {
                return ch;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ModuleArgumentException(module + ": channel must be 0..11, got '" + value + "'");
    }
}
