package io.ipmirunner.ipmi.sdr;

/** One Sensor Data Record (IPMI v2.0 §43): a sensor the runner can read, or a record kept raw. */
public sealed interface SdrRecord {
    int recordId();

    int recordType();

    /**
     * Full (type 0x01, §43.1) or compact (type 0x02, §43.2) sensor record: compact ones carry no conversion
     * factors, so {@code conversion} is empty of them (analog format 3). {@code baseUnit} and
     * {@code modifierUnit} are Table 43-15 codes; {@code modifierUse} is byte 21 bits 2:1.
     */
    record Sensor(int recordId, int recordType, int ownerId, int ownerLun, int number, int entityId,
                  int entityInstance, int sensorType, int eventReadingType, int baseUnit, int modifierUnit,
                  int modifierUse, boolean percentage, Conversion conversion, String name) implements SdrRecord {
        /** Event/reading type code 0x01 (§42.1 Table 42-1): the reading has threshold states. */
        public boolean threshold() {
            return eventReadingType == 0x01;
        }
    }

    /** Any other record type, or one too short to decode; {@code defect} is null when merely unhandled. */
    record Raw(int recordId, int recordType, byte[] bytes, String defect) implements SdrRecord {
        public Raw {
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
