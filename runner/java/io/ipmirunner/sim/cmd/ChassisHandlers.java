package io.ipmirunner.sim.cmd;

import io.ipmirunner.ipmi.command.WireMessage.Empty;
import io.ipmirunner.ipmi.command.chassis.BootOptions;
import io.ipmirunner.ipmi.command.chassis.ChassisControl;
import io.ipmirunner.ipmi.command.chassis.ChassisRequests;
import io.ipmirunner.sim.model.BootState;
import io.ipmirunner.sim.model.PowerModel;

/** Chassis commands (IPMI v2.0 §28). */
final class ChassisHandlers {
    private ChassisHandlers() {}

    static Answer status(CommandContext c, Empty q) {
        return Answer.ok(c.bmc().chassisStatus(c.now()));
    }

    static Answer control(CommandContext c, ChassisControl q) {
        if (q.action() > ChassisControl.SOFT_SHUTDOWN) {
            return Answer.INVALID_FIELD;
        }
        return c.bmc().chassisControl(q.action(), c.now()) instanceof PowerModel.Outcome.Accepted
                ? Answer.OK : Answer.NOT_IN_THIS_STATE;
    }

    static Answer identify(CommandContext c, ChassisRequests.Identify q) {
        int interval = q.interval() < 0 ? ChassisRequests.DEFAULT_IDENTIFY_SECONDS : q.interval();
        c.bmc().identify(interval, q.force(), c.now());
        return Answer.OK;
    }

    static Answer restorePolicy(CommandContext c, ChassisRequests.RestorePolicy q) {
        if (q.policy() > ChassisRequests.RestorePolicy.NO_CHANGE) {
            return Answer.INVALID_FIELD;
        }
        return Answer.ok(new ChassisRequests.SupportedPolicies(c.bmc().restorePolicy(q.policy())));
    }

    static Answer setBootOption(CommandContext c, BootOptions.SetRequest q) {
        return switch (c.bmc().boot().set(q.parameter(), q.data())) {
            case BootState.SetResult.Applied a -> Answer.OK;
            case BootState.SetResult.Refused r -> Answer.code(r.completionCode());
        };
    }

    static Answer getBootOption(CommandContext c, BootOptions.GetRequest q) {
        byte[] data = c.bmc().boot().get(q.parameter());
        if (data == null) {
            return Answer.code(BootOptions.CC_PARAMETER_NOT_SUPPORTED);
        }
        return Answer.ok(new BootOptions.GetResponse(BootOptions.PARAMETER_VERSION, q.parameter(), false, data));
    }
}
