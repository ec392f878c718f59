package io.ipmirunner.sim.hostile;

import io.ipmirunner.ipmi.command.CommandSpec;
import io.ipmirunner.ipmi.command.storage.Repository;
import io.ipmirunner.ipmi.wire.ByteReader;
import io.ipmirunner.ipmi.wire.IpmiRequest;
import io.ipmirunner.ipmi.wire.MalformedPacketException;
import io.ipmirunner.sim.cmd.Answer;
import io.ipmirunner.sim.lan.Answering;
import java.util.function.Function;

/**
 * A record chain (Get SDR §33.12 or Get SEL Entry §31.5) that never ends: either the last record names the
 * first as its next (a loop), or it names a record past the end, which is answered with the last record's
 * bytes under a fresh ID, and so on (endless, every record ID new). The honest records are served first.
 */
final class ChainLie implements Answering {
    /** Invented records get IDs from here up. */
    private static final int INVENTED = 0x8000;

    private final CommandSpec<Repository.ReadRequest, Repository.ReadResponse> spec;
    private final boolean endless;
    private int first = -1;
    private int last = -1;

    ChainLie(CommandSpec<Repository.ReadRequest, Repository.ReadResponse> spec, boolean endless) {
        this.spec = spec;
        this.endless = endless;
    }

    @Override
    public Answer answer(IpmiRequest request, Function<byte[], Answer> honest) {
        if (!spec.matches(request.netFn(), request.cmd())) {
            return honest.apply(request.data());
        }
        try {
            Repository.ReadRequest q = Repository.ReadRequest.decode(new ByteReader(request.data()));
            boolean invented = q.recordId() >= INVENTED && q.recordId() != Repository.LAST && last >= 0;
            Repository.ReadRequest asked = invented
                    ? new Repository.ReadRequest(q.reservation(), last, q.offset(), q.count()) : q;
            Answer a = honest.apply(asked.toBytes());
            if (a.completionCode() != 0) {
                return a;
            }
            Repository.ReadResponse r = Repository.ReadResponse.decode(new ByteReader(a.data()));
            byte[] bytes = r.bytes();
            int own = q.offset() == 0 && bytes.length >= 2 ? (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 : -1;
            if (first < 0) {
                first = own;
            }
            if (invented && own >= 0) {
                bytes[0] = (byte) q.recordId();
                bytes[1] = (byte) (q.recordId() >> 8);
            }
            int next = r.nextRecordId();
            if (next == Repository.LAST) {
                if (!invented) {
                    last = q.recordId() == Repository.FIRST ? own : q.recordId();
                }
                next = !endless ? first : invented ? q.recordId() + 1 : INVENTED;
            }
            return Answer.ok(new Repository.ReadResponse(next, bytes));
        } catch (MalformedPacketException e) {
            return Answer.LENGTH_INVALID;
        }
    }
}
