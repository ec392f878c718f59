package io.ipmirunner.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ipmirunner.interop.IpmiSim;
import io.ipmirunner.interop.IpmiSimPeer;
import io.ipmirunner.ipmi.fru.FruBytes;
import io.ipmirunner.ipmi.fru.FruBytes.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A product area in Japanese (language code 53, FRU spec Table 15-1) whose 11b fields are 2-byte Unicode
 * (§13.1), served by ipmi_sim as FRU device 1: the fru module reads the text; ipmitool prints the bytes as
 * 8-bit characters (FreeIPMI's ipmi-fru reads only devices an FRU locator names, see FruAgainstIpmiSimTest).
 */
@Tag("interop")
class FruUnicodeAgainstIpmiSimTest {
    static final String MAKER = "富士通";

    @RegisterExtension
    static final IpmiSimPeer PEER = new IpmiSimPeer(() -> IpmiSim.builder().address("127.0.153.1")
            .fru(1, FruBytes.image(null, null, FruBytes.product(53, List.of(Field.unicode(MAKER),
                    Field.unicode("Server 9"))))).build());

    @Test
    @SuppressWarnings("unchecked")
    void unicodeFieldsOfANonEnglishAreaAreText() throws Exception {
        Map<String, Object> r = IpmiSimModules.run(PEER, new FruModule(), Map.of("id", "1")).result();
        Map<String, Object> product = (Map<String, Object>) r.get("product");
        assertEquals(MAKER, product.get("manufacturer"));
        assertEquals("Server 9", product.get("name"));
        assertEquals(List.of(), r.get("warnings"));
        String it = PEER.bmc().ipmitool("fru", "print", "1").stdout();
        // ipmitool 1.8.19 reads the bytes 8-bit: "S\0e\0r..." prints as "S", cut at the first NUL.
        assertTrue(it.lines().anyMatch(l -> l.matches(" Product Name\\s+: S")), it);
    }
}
