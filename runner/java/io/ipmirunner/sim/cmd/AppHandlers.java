package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.app.ChannelAccess;
import io.ipmirunner.ipmi.command.app.ChannelAuthCapabilities;
import io.ipmirunner.ipmi.command.app.ChannelInfo;
import io.ipmirunner.ipmi.command.app.Guid;
import io.ipmirunner.ipmi.command.app.SelfTestResult;

/** Application commands (IPMI v2.0 §20, §22) other than session management. */
final class AppHandlers {
    /** The simulated BMC's only LAN channel. */
    static final int LAN_CHANNEL = 1;
    /** User ids the simulated BMC has room for (ipmitool's user list walks 1..this). */
    static final int MAX_USERS = 10;

    private AppHandlers() {}

    static Answer deviceId(CommandContext c, Empty q) {
        return Answer.ok(c.bmc().deviceId());
    }

    /** Cold Reset (§20.2): answered first, then the BMC goes silent and forgets its sessions. */
    static Answer coldReset(CommandContext c, Empty q) {
        c.bmc().coldReset(c.now());
        return Answer.OK;
    }

    static Answer selfTest(CommandContext c, Empty q) {
        return Answer.ok(new SelfTestResult(SelfTestResult.PASSED, 0));
    }

    /** Device and system GUID (§20.8, §22.14) are the same value here: one board, one BMC. */
    static Answer guid(CommandContext c, Empty q) {
        return Answer.ok(new Guid(c.bmc().identity().guid()));
    }

    static Answer channelInfo(CommandContext c, ChannelInfo.Request q) {
        if (!lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        return Answer.ok(new ChannelInfo(LAN_CHANNEL, ChannelInfo.MEDIUM_LAN, ChannelInfo.PROTOCOL_IPMB,
                ChannelInfo.MULTI_SESSION, c.activeSessions(), ChannelInfo.IPMI_FORUM_IANA, 0));
    }

    static Answer channelAccess(CommandContext c, ChannelAccess.Request q) {
        if (!lan(q.channel())) {
            return Answer.INVALID_FIELD;
        }
        return Answer.ok(new ChannelAccess(0, ChannelAccess.ALWAYS_AVAILABLE, 4));
    }

    static boolean lan(int channel) {
        return channel == LAN_CHANNEL || channel == ChannelAuthCapabilities.CURRENT_CHANNEL;
    }
}
