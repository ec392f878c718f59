package io.ipmirunner.ipmi.client;

import io.ipmirunner.ipmi.transport.EventLoop;
import io.ipmirunner.ipmi.wire.IpmiResponse;
import java.util.concurrent.CompletableFuture;

/** One request waiting for its response in a session; owned by the loop thread. */
final class Operation {
    final String name;
    final int netFn;
    final int cmd;
    final byte[] data;
    final CompletableFuture<IpmiResponse> result = new CompletableFuture<>();
    int rqSeq;
    int attempts;
    int busyRetries;
    long started;
    long rto;
    EventLoop.Timer retransmit;
    EventLoop.Timer deadline;

    Operation(String name, int netFn, int cmd, byte[] data) {
        this.name = name;
        this.netFn = netFn;
        this.cmd = cmd;
        this.data = data.clone();
    }

    void cancelTimers() {
        if (retransmit != null) {
            retransmit.cancel();
        }
        if (deadline != null) {
            deadline.cancel();
        }
    }
}
